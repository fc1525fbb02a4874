import { ReactElement } from 'react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { CostTenancyApi, costTenancyApiRef } from '../api/CostTenancyApi';

/** The payments team, as the catalog has it. */
export const paymentsGroup: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'payments', namespace: 'default' },
  spec: { type: 'team', children: [] },
};

/** Renders an entity page's tab or card for the entity, with the given cost API. */
export async function renderForEntity(
  element: ReactElement,
  api: CostTenancyApi,
  entity: Entity = paymentsGroup,
) {
  await renderInTestApp(
    <EntityProvider entity={entity}>{element}</EntityProvider>,
    {
      apis: [[costTenancyApiRef, api]],
    },
  );
}
