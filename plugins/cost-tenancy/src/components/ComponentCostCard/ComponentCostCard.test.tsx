import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { costTenancyApiRef } from '../../api/CostTenancyApi';
import { fakeCostApi } from '../../__testUtils__/costData';
import { ComponentCostCard } from './ComponentCostCard';

const component = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments-api', namespace: 'default' },
  spec: { type: 'service', owner: 'payments' },
};
const answer = {
  from: '2026-10-26',
  to: '2026-11-24',
  currency: 'EUR',
  measure: 'EffectiveCost' as const,
  completeThrough: '2026-11-24',
  unconverted: [],
  entityRef: 'component:default/payments-api',
  ownerRef: 'group:default/payments',
  total: 1234.5,
  previousTotal: 1000,
  series: [{ date: '2026-11-24', amount: 40 }],
  namespaces: ['payments-prod', 'payments-staging'],
  breakdown: [],
};

async function render(getEntityCosts: jest.Mock) {
  await renderInTestApp(
    <EntityProvider entity={component}>
      <ComponentCostCard />
    </EntityProvider>,
    { apis: [[costTenancyApiRef, fakeCostApi({ getEntityCosts })]] },
  );
}

describe('ComponentCostCard', () => {
  it("shows the component's cost in the data's currency, its trend and namespaces", async () => {
    const getEntityCosts = jest.fn().mockResolvedValue(answer);
    await render(getEntityCosts);

    expect(
      await screen.findByText(
        new Intl.NumberFormat(undefined, {
          style: 'currency',
          currency: 'EUR',
        }).format(1234.5),
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /2026-10-26 to 2026-11-24, \+23\.5% against the 30 days before/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Namespaces: payments-prod, payments-staging'),
    ).toBeInTheDocument();
    expect(getEntityCosts).toHaveBeenCalledWith(
      { kind: 'Component', namespace: 'default', name: 'payments-api' },
      {},
    );
  });

  it('says how to give the component a cost when none is found', async () => {
    await render(
      jest.fn().mockResolvedValue({ ...answer, total: 0, namespaces: [] }),
    );
    expect(
      await screen.findByText(
        /No cost found for payments-api: tag its resources with service: payments-api/,
      ),
    ).toBeInTheDocument();
  });
});
