import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { exampleStep } from './actionInput';

const action = 'platform:repo:create';

export const examples: TemplateExample[] = [
  exampleStep({
    description: 'A private repository for the payments team',
    action,
    name: 'Create the repository',
    input: {
      name: 'refund-service',
      owner: 'payments',
      description: 'Refunds for card and wallet payments',
      topics: ['payments', 'typescript'],
    },
  }),
  exampleStep({
    description:
      'Publish only the service folder, with read access for finance and two required reviews',
    action,
    name: 'Create the repository',
    input: {
      name: 'cost-exporter',
      owner: 'platform',
      sourcePath: 'service',
      teamAccess: [{ team: 'finance', permission: 'pull' }],
      branchProtection: { requiredReviews: 2, requireCodeOwnerReviews: true },
    },
  }),
];
