import { NamespaceQuota } from './quota';

export type TenantBundleOptions = {
  namespace: string;
  team: string;
  tenant: string;
  environment: string;
  costCenter: string;
  ownerGroup: string;
  podSecurity: 'restricted' | 'baseline';
  quota: NamespaceQuota;
};

export type KubernetesObject = {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    [key: string]: unknown;
  };
  [key: string]: unknown;
};

export const MANAGED_BY = 'platform-portal';

/**
 * Everything a team's namespace comes with: the Namespace with its cost and
 * Pod Security labels, a quota and default limits (always together), a
 * default-deny network policy that still lets pods resolve DNS, and edit
 * access for the owning group only in that namespace.
 */
export function tenantBundle(options: TenantBundleOptions): KubernetesObject[] {
  const { namespace, quota } = options;
  const labels = {
    team: options.team,
    tenant: options.tenant,
    environment: options.environment,
    'cost-center': options.costCenter,
    'app.kubernetes.io/managed-by': MANAGED_BY,
  };
  const inNamespace = (name: string) => ({ name, namespace, labels });
  return [
    {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name: namespace,
        labels: {
          ...labels,
          'pod-security.kubernetes.io/enforce': options.podSecurity,
          'pod-security.kubernetes.io/enforce-version': 'latest',
          'pod-security.kubernetes.io/warn': 'restricted',
          'pod-security.kubernetes.io/warn-version': 'latest',
        },
      },
    },
    {
      apiVersion: 'v1',
      kind: 'ResourceQuota',
      metadata: inNamespace('tenant-quota'),
      spec: {
        hard: {
          'requests.cpu': String(quota.cpu),
          'requests.memory': `${quota.memoryGiB}Gi`,
          'limits.cpu': String(quota.cpu * 2),
          'limits.memory': `${quota.memoryGiB * 2}Gi`,
          pods: String(quota.pods),
          persistentvolumeclaims: String(quota.persistentVolumeClaims),
        },
      },
    },
    {
      apiVersion: 'v1',
      kind: 'LimitRange',
      metadata: inNamespace('tenant-defaults'),
      spec: {
        limits: [
          {
            type: 'Container',
            defaultRequest: { cpu: '100m', memory: '128Mi' },
            default: { cpu: '500m', memory: '512Mi' },
            max: {
              cpu: String(quota.cpu),
              memory: `${quota.memoryGiB}Gi`,
            },
          },
        ],
      },
    },
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: inNamespace('default-deny'),
      spec: {
        podSelector: {},
        policyTypes: ['Ingress', 'Egress'],
        egress: [
          {
            to: [
              {
                namespaceSelector: {
                  matchLabels: {
                    'kubernetes.io/metadata.name': 'kube-system',
                  },
                },
                podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
              },
            ],
            ports: [
              { protocol: 'UDP', port: 53 },
              { protocol: 'TCP', port: 53 },
            ],
          },
        ],
      },
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: inNamespace('team-edit'),
      subjects: [
        {
          kind: 'Group',
          apiGroup: 'rbac.authorization.k8s.io',
          name: options.ownerGroup,
        },
      ],
      roleRef: {
        kind: 'ClusterRole',
        apiGroup: 'rbac.authorization.k8s.io',
        name: 'edit',
      },
    },
  ];
}
