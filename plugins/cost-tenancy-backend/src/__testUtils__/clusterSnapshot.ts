/** What `kubectl get namespaces,resourcequotas,limitranges,networkpolicies,pods,nodes -A -o json` prints, for a small cluster. */
export function kubectlList(
  namespaces: Array<{
    name: string;
    labels: Record<string, string>;
    pods: Array<{ cpu: string; memory: string; phase?: string }>;
    quota?: { hard: Record<string, string>; used: Record<string, string> };
    limitRange?: boolean;
    networkPolicy?: boolean;
  }>,
  nodes: Array<{ cpu: string; memory: string }>,
) {
  const items: object[] = nodes.map((node, i) => ({
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: `node-${i}` },
    status: {
      allocatable: { cpu: node.cpu, memory: node.memory, pods: '110' },
    },
  }));
  for (const ns of namespaces) {
    items.push({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: ns.name, labels: ns.labels },
      status: { phase: 'Active' },
    });
    ns.pods.forEach((pod, i) =>
      items.push({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: `pod-${i}`, namespace: ns.name },
        spec: {
          initContainers: [
            {
              name: 'migrate',
              resources: { requests: { cpu: '100m', memory: '64Mi' } },
            },
          ],
          containers: [
            {
              name: 'app',
              resources: { requests: { cpu: pod.cpu, memory: pod.memory } },
            },
          ],
        },
        status: { phase: pod.phase ?? 'Running' },
      }),
    );
    if (ns.quota) {
      items.push({
        apiVersion: 'v1',
        kind: 'ResourceQuota',
        metadata: { name: 'quota', namespace: ns.name },
        spec: { hard: ns.quota.hard },
        status: ns.quota,
      });
    }
    if (ns.limitRange)
      items.push({
        apiVersion: 'v1',
        kind: 'LimitRange',
        metadata: { name: 'limits', namespace: ns.name },
        spec: { limits: [] },
      });
    if (ns.networkPolicy)
      items.push({
        apiVersion: 'networking.k8s.io/v1',
        kind: 'NetworkPolicy',
        metadata: { name: 'default-deny', namespace: ns.name },
        spec: { podSelector: {} },
      });
  }
  return {
    apiVersion: 'v1',
    kind: 'List',
    metadata: { resourceVersion: '' },
    items,
  };
}
