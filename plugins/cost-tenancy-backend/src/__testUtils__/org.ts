import { Entity } from '@backstage/catalog-model';

/** A Group entity as the catalog returns it. */
export function group(
  name: string,
  options: { parent?: string; annotations?: Record<string, string> } = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default', annotations: options.annotations },
    spec: {
      type: 'team',
      parent: options.parent,
      children: [],
      profile: { displayName: name[0].toUpperCase() + name.slice(1) },
    },
  };
}

/** acme → engineering → payments, search; acme → finance. */
export const demoGroups = [
  group('acme'),
  group('engineering', {
    parent: 'acme',
    annotations: { 'cost-tenancy/monthly-budget': '3000 USD' },
  }),
  group('payments', {
    parent: 'engineering',
    annotations: { 'cost-tenancy/aliases': 'pay, payments-team' },
  }),
  group('search', { parent: 'engineering' }),
  group('finance', { parent: 'acme' }),
];
