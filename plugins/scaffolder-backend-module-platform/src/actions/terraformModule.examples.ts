import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { exampleStep } from './actionInput';

const action = 'platform:terraform:module';

export const examples: TemplateExample[] = [
  exampleStep({
    description:
      'A PostgreSQL database for the orders service in three environments',
    action,
    name: 'Render the database module',
    input: {
      name: 'orders-db',
      kind: 'postgresql',
      team: 'checkout',
      service: 'order-service',
      costCenter: 'cc-4200',
      environments: ['dev', 'staging', 'prod'],
    },
  }),
  exampleStep({
    description: 'A Redis cache in dev and prod only, written to infra/',
    action,
    name: 'Render the cache module',
    input: {
      name: 'cart-cache',
      kind: 'redis',
      team: 'checkout',
      service: 'cart-service',
      costCenter: 'cc-4200',
      environments: ['dev', 'prod'],
      targetPath: 'infra',
    },
  }),
];
