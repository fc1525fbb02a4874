import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'A PostgreSQL database for the orders service in three environments',
    example: yaml.stringify({
      steps: [
        {
          id: 'terraform',
          action: 'platform:terraform:module',
          name: 'Render the database module',
          input: {
            name: 'orders-db',
            kind: 'postgresql',
            team: 'checkout',
            service: 'order-service',
            costCenter: 'cc-4200',
            environments: ['dev', 'staging', 'prod'],
          },
        },
      ],
    }),
  },
  {
    description: 'A Redis cache in dev and prod only, written to infra/',
    example: yaml.stringify({
      steps: [
        {
          id: 'terraform',
          action: 'platform:terraform:module',
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
        },
      ],
    }),
  },
];
