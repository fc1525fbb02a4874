import http from 'node:http';
import { AddressInfo } from 'node:net';
import { ConfigReader } from '@backstage/config';
import { mockServices } from '@backstage/backend-test-utils';
import { kubectlList } from '../__testUtils__/clusterSnapshot';
import { createTestStore } from '../__testUtils__/costStore';
import {
  KubernetesClusterReader,
  liveClusters,
} from './KubernetesClusterReader';

const TOKEN = 'cluster-reader-token';

/**
 * A local stand-in for a Kubernetes API server: it answers the list paths
 * with real List JSON, one item per page with `continue` tokens, and a 401
 * Status without the token.
 */
async function startListServer() {
  const { items } = kubectlList(
    [
      {
        name: 'payments-prod',
        labels: { team: 'payments' },
        pods: [
          { cpu: '1', memory: '1Gi' },
          { cpu: '500m', memory: '512Mi' },
        ],
        limitRange: true,
      },
      {
        name: 'search-prod',
        labels: { team: 'search' },
        pods: [{ cpu: '2', memory: '2Gi' }],
        networkPolicy: true,
      },
    ],
    [{ cpu: '8', memory: '32Gi' }],
  ) as { items: any[] };
  const lists: Record<string, [string, string]> = {
    '/api/v1/namespaces': ['NamespaceList', 'Namespace'],
    '/api/v1/resourcequotas': ['ResourceQuotaList', 'ResourceQuota'],
    '/api/v1/limitranges': ['LimitRangeList', 'LimitRange'],
    '/apis/networking.k8s.io/v1/networkpolicies': [
      'NetworkPolicyList',
      'NetworkPolicy',
    ],
    '/api/v1/pods': ['PodList', 'Pod'],
    '/api/v1/nodes': ['NodeList', 'Node'],
  };
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url!, 'http://localhost');
    requests.push(`${url.pathname}${url.search}`);
    const send = (status: number, body: object) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.headers.authorization !== `Bearer ${TOKEN}`) {
      send(401, {
        kind: 'Status',
        apiVersion: 'v1',
        status: 'Failure',
        message: 'Unauthorized',
        reason: 'Unauthorized',
        code: 401,
      });
      return;
    }
    const list = lists[url.pathname];
    if (!list) {
      send(404, {
        kind: 'Status',
        apiVersion: 'v1',
        status: 'Failure',
        message: 'the server could not find the requested resource',
        reason: 'NotFound',
        code: 404,
      });
      return;
    }
    const all = items
      .filter(i => i.kind === list[1])
      .map(({ kind, ...rest }) => rest);
    const index = Number(url.searchParams.get('continue') ?? 0);
    const more = index + 1 < all.length;
    send(200, {
      kind: list[0],
      apiVersion: 'v1',
      metadata: {
        resourceVersion: '12345',
        ...(more && { continue: String(index + 1) }),
      },
      items: all.slice(index, index + 1),
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => new Promise<void>(resolve => server.close(() => resolve())),
  };
}

describe('KubernetesClusterReader (against a local server answering the Kubernetes list paths)', () => {
  let api: Awaited<ReturnType<typeof startListServer>>;
  beforeEach(async () => {
    api = await startListServer();
  });
  afterEach(() => api.close());

  const config = (token: string) =>
    new ConfigReader({
      kubernetes: {
        clusterLocatorMethods: [
          {
            type: 'config',
            clusters: [
              {
                name: 'prod',
                url: api.url,
                authProvider: 'serviceAccount',
                serviceAccountToken: token,
              },
              {
                name: 'sso-only',
                url: 'https://example.invalid',
                authProvider: 'oidc',
              },
            ],
          },
        ],
      },
    });

  it("reads every page of every list, never Secrets, into today's sample", async () => {
    const store = await createTestStore('SQLITE_3');
    const logger = mockServices.logger.mock();
    const reader = new KubernetesClusterReader({
      store,
      logger,
      clusters: liveClusters(config(TOKEN), logger),
      now: () => new Date('2026-11-20T10:00:00Z'),
    });

    await reader.readAll();

    expect(api.requests.some(path => path.includes('secrets'))).toBe(false);
    expect(
      api.requests.filter(path => path.startsWith('/api/v1/namespaces')),
    ).toEqual([
      '/api/v1/namespaces?limit=500',
      '/api/v1/namespaces?limit=500&continue=1',
    ]);
    const [sample] = await store.clusterSamples();
    expect(sample).toMatchObject({
      cluster: 'prod',
      day: '2026-11-20',
      cpuAllocatable: 8,
      memoryAllocatable: 32 * 2 ** 30,
    });
    const namespaces = await store.namespaceSamples([sample]);
    expect(
      namespaces.map(n => [
        n.namespace,
        n.cpuRequests,
        n.pods,
        n.hasLimitRange,
        n.hasNetworkPolicy,
      ]),
    ).toEqual([
      ['payments-prod', 1.5, 2, true, false],
      ['search-prod', 2, 1, false, true],
    ]);
    expect(logger.info).toHaveBeenCalledWith(
      expect.stringContaining(
        'Cluster sso-only is not read for cost: it uses authProvider oidc',
      ),
    );
  });

  it('logs a refused read without the token and keeps earlier samples', async () => {
    const store = await createTestStore('SQLITE_3');
    const logger = mockServices.logger.mock();
    const reader = new KubernetesClusterReader({
      store,
      logger,
      clusters: liveClusters(config('wrong-token'), logger),
    });

    await reader.readAll();

    expect(await store.clusterSamples()).toEqual([]);
    const warning = logger.warn.mock.calls[0][0] as string;
    expect(warning).toMatch(
      /^Cluster prod not read: 401 Unauthorized reading \/api\/v1\/\w+: Unauthorized$/,
    );
    expect(warning).not.toContain('wrong-token');
  });
});
