import { kubectlList } from '../__testUtils__/clusterSnapshot';
import { readKubectlSnapshot } from './kubectlSnapshot';
import { parseQuantity } from './quantities';

describe('readKubectlSnapshot', () => {
  it("reads namespaces with their requests, quotas, policies and the nodes' capacity", () => {
    const list = kubectlList(
      [
        {
          name: 'payments-prod',
          labels: {
            team: 'payments',
            'pod-security.kubernetes.io/enforce': 'restricted',
          },
          pods: [
            { cpu: '500m', memory: '512Mi' },
            { cpu: '1', memory: '1Gi' },
            { cpu: '4', memory: '8Gi', phase: 'Succeeded' },
          ],
          quota: {
            hard: { 'requests.cpu': '4', 'requests.memory': '8Gi', pods: '20' },
            used: {
              'requests.cpu': '1500m',
              'requests.memory': '1536Mi',
              pods: '2',
            },
          },
          limitRange: true,
          networkPolicy: true,
        },
        {
          name: 'experiments',
          labels: {},
          pods: [{ cpu: '50m', memory: '32Mi' }],
        },
      ],
      [
        { cpu: '3920m', memory: '15Gi' },
        { cpu: '4', memory: '16Gi' },
      ],
    );

    const snapshot = readKubectlSnapshot(JSON.stringify(list), 'prod.json');

    expect(snapshot.cpuAllocatable).toBeCloseTo(7.92, 9);
    expect(snapshot.memoryAllocatable).toBe(31 * 2 ** 30);
    expect(snapshot.namespaces).toEqual([
      {
        namespace: 'payments-prod',
        labels: {
          team: 'payments',
          'pod-security.kubernetes.io/enforce': 'restricted',
        },
        cpuRequests: 1.5,
        memoryRequests: 1.5 * 2 ** 30,
        pods: 2,
        quotas: [
          { resource: 'cpu', hard: 4, used: 1.5 },
          { resource: 'memory', hard: 8 * 2 ** 30, used: 1.5 * 2 ** 30 },
          { resource: 'pods', hard: 20, used: 2 },
        ],
        hasLimitRange: true,
        hasNetworkPolicy: true,
        podSecurity: 'restricted',
      },
      expect.objectContaining({
        namespace: 'experiments',
        // The init container asks more than the app container: it counts.
        cpuRequests: 0.1,
        memoryRequests: 64 * 2 ** 20,
        hasLimitRange: false,
        hasNetworkPolicy: false,
        podSecurity: null,
      }),
    ]);
  });

  it.each([
    ['not json', 'prod.json: not JSON'],
    [
      '{"kind":"Pod"}',
      'prod.json: not the output of kubectl get ... -o json (expected kind List with items)',
    ],
  ])('rejects %s naming the file', (text, message) => {
    expect(() => readKubectlSnapshot(text, 'prod.json')).toThrow(message);
  });

  it.each([
    ['500m', 0.5],
    ['2', 2],
    ['1.5Gi', 1.5 * 2 ** 30],
    ['128974848', 128974848],
    ['129e6', 129e6],
    ['1k', 1000],
    ['12Ki', 12 * 1024],
  ])('reads the quantity %s', (text, value) => {
    expect(parseQuantity(text)).toBeCloseTo(value, 6);
  });
});
