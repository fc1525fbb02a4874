import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { exampleStep } from './actionInput';

const action = 'platform:kubernetes:namespace';

export const examples: TemplateExample[] = [
  exampleStep({
    description:
      'GitOps manifests for the payments team in dev, staging and prod, medium quota',
    action,
    name: 'Namespaces',
    input: {
      name: 'payments-api',
      team: 'payments',
      costCenter: 'cc-1100',
      size: 'medium',
    },
  }),
  exampleStep({
    description:
      'Apply a namespace with an explicit quota to a configured cluster',
    action,
    name: 'Namespaces',
    input: {
      name: 'search-indexer',
      team: 'search',
      costCenter: 'cc-2300',
      environments: ['prod'],
      quota: { cpu: 6, memoryGiB: 12, pods: 30, persistentVolumeClaims: 4 },
      mode: 'apply',
      cluster: 'prod-eu',
    },
  }),
];
