import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import yaml from 'yaml';
import { ConfigReader } from '@backstage/config';
import { mockServices } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { createKubernetesNamespaceAction } from './kubernetesNamespace';
import { startFakeKubernetesApi } from '../__testUtils__/fakeKubernetesApi';

const TOKEN = 'cluster-token-that-must-stay-secret';
const prices = { cpuHour: 0.031, gibHour: 0.004, currency: 'USD' };

let api: Awaited<ReturnType<typeof startFakeKubernetesApi>>;
let workspacePath: string;

beforeEach(async () => {
  api = await startFakeKubernetesApi();
  workspacePath = await fs.mkdtemp(join(tmpdir(), 'namespace-'));
});
afterEach(async () => {
  await api.close();
  await fs.rm(workspacePath, { recursive: true, force: true });
});

function actionFor(clusters: object[] = []) {
  return createKubernetesNamespaceAction({
    prices,
    config: new ConfigReader({
      kubernetes: {
        clusterLocatorMethods: [
          {
            type: 'config',
            clusters: [
              {
                name: 'prod-eu',
                url: api.url,
                authProvider: 'serviceAccount',
                serviceAccountToken: TOKEN,
              },
              ...clusters,
            ],
          },
        ],
      },
    }),
  });
}

const baseInput = {
  name: 'payments-api',
  team: 'payments',
  costCenter: 'cc-1100',
};

async function run(
  input: Record<string, any>,
  options: { isDryRun?: boolean; action?: ReturnType<typeof actionFor> } = {},
) {
  const logger = mockServices.logger.mock();
  const ctx = {
    ...createMockActionContext({ input, workspacePath, logger }),
    isDryRun: options.isDryRun ?? false,
  };
  await (options.action ?? actionFor()).handler(ctx as any);
  return { ...ctx, logger };
}

async function readManifest(path: string) {
  return yaml.parse(await fs.readFile(join(workspacePath, path), 'utf8'));
}

const writes = () => api.requests.filter(r => r.method !== 'GET');

describe('platform:kubernetes:namespace in gitops mode', () => {
  it('writes a complete tenant bundle per environment', async () => {
    const ctx = await run(baseInput);

    for (const env of ['dev', 'staging', 'prod']) {
      const dir = `deploy/namespaces/${env}`;
      const namespace = await readManifest(`${dir}/namespace.yaml`);
      expect(namespace.metadata).toEqual({
        name: `payments-api-${env}`,
        labels: {
          team: 'payments',
          tenant: 'payments',
          environment: env,
          'cost-center': 'cc-1100',
          'app.kubernetes.io/managed-by': 'platform-portal',
          'pod-security.kubernetes.io/enforce': 'restricted',
          'pod-security.kubernetes.io/enforce-version': 'latest',
          'pod-security.kubernetes.io/warn': 'restricted',
          'pod-security.kubernetes.io/warn-version': 'latest',
        },
      });
      const quota = await readManifest(`${dir}/resourcequota.yaml`);
      expect(quota.spec.hard).toMatchObject({
        'requests.cpu': '2',
        'requests.memory': '4Gi',
        pods: '20',
        persistentvolumeclaims: '2',
      });
      const limits = await readManifest(`${dir}/limitrange.yaml`);
      expect(limits.spec.limits[0].defaultRequest).toEqual({
        cpu: '100m',
        memory: '128Mi',
      });
      const policy = await readManifest(`${dir}/networkpolicy.yaml`);
      expect(policy.spec.podSelector).toEqual({});
      expect(policy.spec.policyTypes).toEqual(['Ingress', 'Egress']);
      expect(policy.spec.ingress).toBeUndefined();
      expect(policy.spec.egress).toHaveLength(1);
      expect(policy.spec.egress[0].ports).toEqual([
        { protocol: 'UDP', port: 53 },
        { protocol: 'TCP', port: 53 },
      ]);
      const binding = await readManifest(`${dir}/rolebinding.yaml`);
      expect(binding.kind).toBe('RoleBinding');
      expect(binding.roleRef).toEqual({
        kind: 'ClusterRole',
        apiGroup: 'rbac.authorization.k8s.io',
        name: 'edit',
      });
      expect(binding.subjects).toEqual([
        {
          kind: 'Group',
          apiGroup: 'rbac.authorization.k8s.io',
          name: 'payments',
        },
      ]);
      const kustomization = await readManifest(`${dir}/kustomization.yaml`);
      expect(kustomization.resources.sort()).toEqual(
        (await fs.readdir(join(workspacePath, dir)))
          .filter(file => file !== 'kustomization.yaml')
          .sort(),
      );
    }
    expect(ctx.output).toHaveBeenCalledWith('namespaces', {
      dev: 'payments-api-dev',
      staging: 'payments-api-staging',
      prod: 'payments-api-prod',
    });
    expect(api.requests).toEqual([]);
  });

  it('estimates the monthly cost of the quota from the unit prices', async () => {
    const ctx = await run({
      ...baseInput,
      size: 'large',
      environments: ['prod'],
    });

    // 8 cores * 0.031 + 16 GiB * 0.004 = 0.312 per hour, 730 hours a month.
    expect(ctx.output).toHaveBeenCalledWith('estimatedMonthlyCost', {
      currency: 'USD',
      perEnvironment: 227.76,
      total: 227.76,
    });
  });

  it('takes an explicit quota over the size preset', async () => {
    await run({
      ...baseInput,
      environments: ['dev'],
      quota: { cpu: 3, memoryGiB: 6, pods: 12, persistentVolumeClaims: 0 },
    });

    const quota = await readManifest(
      'deploy/namespaces/dev/resourcequota.yaml',
    );
    expect(quota.spec.hard).toEqual({
      'requests.cpu': '3',
      'requests.memory': '6Gi',
      'limits.cpu': '6',
      'limits.memory': '12Gi',
      pods: '12',
      persistentvolumeclaims: '0',
    });
  });
});

describe('platform:kubernetes:namespace in apply mode (local fake Kubernetes API server)', () => {
  const applyInput = { ...baseInput, mode: 'apply', cluster: 'prod-eu' };

  it('server-side applies every object with the backend credentials', async () => {
    const ctx = await run(applyInput);

    expect([...api.objects.keys()].sort()).toEqual(
      ['dev', 'staging', 'prod']
        .flatMap(env => [
          `/api/v1/namespaces/payments-api-${env}`,
          `/api/v1/namespaces/payments-api-${env}/limitranges/tenant-defaults`,
          `/api/v1/namespaces/payments-api-${env}/resourcequotas/tenant-quota`,
          `/apis/networking.k8s.io/v1/namespaces/payments-api-${env}/networkpolicies/default-deny`,
          `/apis/rbac.authorization.k8s.io/v1/namespaces/payments-api-${env}/rolebindings/team-edit`,
        ])
        .sort(),
    );
    for (const request of api.requests) {
      expect(request.authorization).toBe(`Bearer ${TOKEN}`);
    }
    expect(
      api.objects.get('/api/v1/namespaces/payments-api-prod').metadata
        .managedFields[0].manager,
    ).toBe('platform-portal');
    expect(ctx.output).toHaveBeenCalledWith('namespaces', {
      dev: 'payments-api-dev',
      staging: 'payments-api-staging',
      prod: 'payments-api-prod',
    });
    const logged = JSON.stringify(
      ['info', 'warn', 'error', 'debug'].map(
        level => (ctx.logger as any)[level].mock.calls,
      ),
    );
    expect(logged).toContain('Applied namespace payments-api-prod');
    expect(logged).not.toContain(TOKEN);
  });

  it('converges on a re-run: same objects, nothing changed', async () => {
    await run(applyInput);
    const versions = new Map(
      [...api.objects].map(([path, o]) => [path, o.metadata.resourceVersion]),
    );

    await run(applyInput);

    expect(
      new Map(
        [...api.objects].map(([path, o]) => [path, o.metadata.resourceVersion]),
      ),
    ).toEqual(versions);
  });

  it('names the object and the conflict when the API refuses, then converges after a fix', async () => {
    const blocked =
      '/apis/networking.k8s.io/v1/namespaces/payments-api-staging/networkpolicies/default-deny';
    api.conflicts.add(blocked);

    const failure = run(applyInput);
    await expect(failure).rejects.toThrow(
      'Could not apply NetworkPolicy payments-api-staging/default-deny on cluster prod-eu: 409 Conflict',
    );
    await expect(failure).rejects.not.toThrow(TOKEN);
    expect(api.objects.has('/api/v1/namespaces/payments-api-prod')).toBe(false);

    api.conflicts.clear();
    await run(applyInput);

    expect(api.objects.size).toBe(15);
  });

  it('never adopts a namespace another team owns, and writes nothing', async () => {
    api.objects.set('/api/v1/namespaces/payments-api-prod', {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'payments-api-prod', labels: { team: 'checkout' } },
    });

    await expect(run(applyInput)).rejects.toThrow(
      'name: namespace payments-api-prod already exists on cluster prod-eu and belongs to team checkout; it is never adopted',
    );
    expect(writes()).toEqual([]);
  });

  it('makes no call at all in a dry run', async () => {
    const ctx = await run(applyInput, { isDryRun: true });

    expect(api.requests).toEqual([]);
    expect(ctx.output).toHaveBeenCalledWith(
      'estimatedMonthlyCost',
      expect.objectContaining({ total: 170.82 }),
    );
  });
});

describe('platform:kubernetes:namespace input checks', () => {
  it.each([
    [{ name: 'Payments_API' }, /^name: must be an RFC 1123 label/],
    [{ name: 'kube' }, /^name: namespace kube-dev is reserved/],
    [
      { name: 'x'.repeat(60) },
      /^name: namespace x+-dev is longer than 63 characters/,
    ],
    [{ team: 'pay ments' }, /^team: must be a Kubernetes label value/],
    [{ environments: ['Prod'] }, /^environments\.0: must be 1-16 lowercase/],
    [
      { quota: { cpu: 0, memoryGiB: 4, pods: 10, persistentVolumeClaims: 1 } },
      /^quota\.cpu: Number must be greater than 0/,
    ],
    [
      { quota: { cpu: -2, memoryGiB: 4, pods: 10, persistentVolumeClaims: 1 } },
      /^quota\.cpu: Number must be greater than 0/,
    ],
    [
      {
        quota: { cpu: 5000, memoryGiB: 4, pods: 10, persistentVolumeClaims: 1 },
      },
      /^quota\.cpu: Number must be less than or equal to 64/,
    ],
    [
      { quota: { cpu: 2, memoryGiB: 4, pods: 2.5, persistentVolumeClaims: 1 } },
      /^quota\.pods: Expected integer/,
    ],
    [{ size: 'huge' }, /^size: Invalid enum value/],
    [{ podSecurity: 'privileged' }, /^podSecurity: Invalid enum value/],
    [{ mode: 'apply' }, /^cluster: required when mode is apply/],
    [
      { mode: 'apply', cluster: 'mars' },
      /^cluster: no cluster named "mars" under kubernetes.clusterLocatorMethods \(configured: prod-eu, oidc-cluster\)/,
    ],
    [
      { mode: 'apply', cluster: 'oidc-cluster' },
      /^cluster: "oidc-cluster" uses authProvider oidc/,
    ],
    [{ targetPath: '../../etc' }, /outside/],
  ])('rejects %j before any call or write', async (change, message) => {
    const action = actionFor([
      { name: 'oidc-cluster', url: api.url, authProvider: 'oidc' },
    ]);

    await expect(run({ ...baseInput, ...change }, { action })).rejects.toThrow(
      message,
    );

    expect(api.requests).toEqual([]);
    expect(await fs.readdir(workspacePath)).toEqual([]);
  });
});
