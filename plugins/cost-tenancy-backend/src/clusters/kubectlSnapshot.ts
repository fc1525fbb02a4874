import { FileFormatError } from '../focus/FileFormatError';
import { parseQuantity } from './quantities';
import { NamespaceSample } from './samples';

export type KubeObject = {
  kind?: string;
  metadata?: {
    name?: string;
    namespace?: string;
    labels?: Record<string, string>;
  };
  spec?: any;
  status?: any;
};

const QUOTA_KEYS = {
  cpu: ['requests.cpu', 'cpu'],
  memory: ['requests.memory', 'memory'],
  pods: ['pods'],
} as const;

/** CPU cores and memory bytes a pod requests: its containers' sum, or an init container's larger request. */
function podRequests(pod: KubeObject) {
  const sum = (containers: any[] = [], resource: string) =>
    containers.reduce(
      (total, c) =>
        total + (parseQuantity(c?.resources?.requests?.[resource]) || 0),
      0,
    );
  const largest = (containers: any[] = [], resource: string) =>
    Math.max(
      0,
      ...containers.map(
        c => parseQuantity(c?.resources?.requests?.[resource]) || 0,
      ),
    );
  const of = (resource: string) =>
    Math.max(
      sum(pod.spec?.containers, resource),
      largest(pod.spec?.initContainers, resource),
    );
  return { cpu: of('cpu'), memory: of('memory') };
}

function quotaValue(
  values: Record<string, string> | undefined,
  keys: readonly string[],
) {
  for (const key of keys) {
    if (values?.[key] !== undefined) return parseQuantity(values[key]);
  }
  return null;
}

/**
 * The namespaces of a cluster from what `kubectl get namespaces,
 * resourcequotas,limitranges,networkpolicies,pods[,nodes] -A -o json`
 * prints. Nodes, when present, give the cluster's allocatable capacity.
 */
export function readKubectlSnapshot(text: string, file: string) {
  let list: any;
  try {
    list = JSON.parse(text);
  } catch (error: any) {
    throw new FileFormatError(file, `not JSON: ${error.message}`);
  }
  if (list?.kind !== 'List' || !Array.isArray(list.items)) {
    throw new FileFormatError(
      file,
      'not the output of kubectl get ... -o json (expected kind List with items)',
    );
  }
  return clusterObjects(list.items);
}

/** The namespaces and capacity from a cluster's objects (each with its `kind`). */
export function clusterObjects(items: KubeObject[]) {
  const namespaces = new Map<
    string,
    Omit<NamespaceSample, 'cluster' | 'day'>
  >();
  for (const item of items.filter(i => i.kind === 'Namespace')) {
    const labels = item.metadata?.labels ?? {};
    namespaces.set(item.metadata!.name!, {
      namespace: item.metadata!.name!,
      labels,
      cpuRequests: 0,
      memoryRequests: 0,
      pods: 0,
      quotas: [],
      hasLimitRange: false,
      hasNetworkPolicy: false,
      podSecurity: labels['pod-security.kubernetes.io/enforce'] ?? null,
    });
  }
  let cpuAllocatable = 0;
  let memoryAllocatable = 0;
  for (const item of items) {
    const ns = namespaces.get(item.metadata?.namespace ?? '');
    switch (item.kind) {
      case 'Pod':
        if (ns && !['Succeeded', 'Failed'].includes(item.status?.phase)) {
          const requests = podRequests(item);
          ns.cpuRequests += requests.cpu;
          ns.memoryRequests += requests.memory;
          ns.pods += 1;
        }
        break;
      case 'ResourceQuota':
        if (ns) {
          const hard = item.status?.hard ?? item.spec?.hard;
          for (const [resource, keys] of Object.entries(QUOTA_KEYS)) {
            const limit = quotaValue(hard, keys);
            if (limit === null) continue;
            ns.quotas = ns.quotas.filter(q => q.resource !== resource);
            ns.quotas.push({
              resource: resource as 'cpu' | 'memory' | 'pods',
              hard: limit,
              used: quotaValue(item.status?.used, keys),
            });
          }
        }
        break;
      case 'LimitRange':
        if (ns) ns.hasLimitRange = true;
        break;
      case 'NetworkPolicy':
        if (ns) ns.hasNetworkPolicy = true;
        break;
      case 'Node':
        cpuAllocatable += parseQuantity(item.status?.allocatable?.cpu) || 0;
        memoryAllocatable +=
          parseQuantity(item.status?.allocatable?.memory) || 0;
        break;
      default:
    }
  }
  return {
    namespaces: [...namespaces.values()] as Array<
      Omit<NamespaceSample, 'cluster' | 'day'>
    >,
    cpuAllocatable,
    memoryAllocatable,
  };
}
