import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { kubectlList } from '../__testUtils__/clusterSnapshot';
import { databases } from '../__testUtils__/costStore';
import { focusCsv, LineItem } from '../__testUtils__/focusCsv';
import { demoGroups, group } from '../__testUtils__/org';
import { costTenancyPlugin } from '../plugin';

jest.setTimeout(60_000);

const MEMBERSHIP: Record<string, string[]> = {
  'user:default/alice': ['group:default/payments'],
  'user:default/maria': ['group:default/engineering'],
  'user:default/frank': ['group:default/finance'],
  'user:default/ola': ['group:default/acme'],
};
const as = (user: string) =>
  mockCredentials.user.header(`user:default/${user}`);

const component: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'payments-api',
    namespace: 'default',
    annotations: { 'backstage.io/kubernetes-namespace': 'payments-prod' },
  },
  spec: { type: 'service', owner: 'payments' },
  relations: [{ type: 'ownedBy', targetRef: 'group:default/payments' }],
};

/** October 2026: every day payments 10, search 5 (by alias-free tag), node cost 20, networking 4, an untagged bucket 3. */
function octoberBill(): LineItem[] {
  const items: LineItem[] = [];
  for (let d = 1; d <= 31; d++) {
    const day = `2026-10-${String(d).padStart(2, '0')}`;
    items.push(
      {
        day,
        BilledCost: 12,
        EffectiveCost: 10,
        tags: { team: 'pay', service: 'payments-api', environment: 'prod' },
      },
      {
        day,
        BilledCost: 5,
        EffectiveCost: 5,
        ServiceName: 'Amazon OpenSearch Service',
        tags: { team: 'search' },
      },
      {
        day,
        BilledCost: 25,
        EffectiveCost: 20,
        ServiceName: 'Amazon EC2',
        ServiceCategory: 'Compute',
        tags: { 'kubernetes.io/cluster/prod': 'owned' },
      },
      {
        day,
        BilledCost: 4,
        EffectiveCost: 4,
        ServiceName: 'Amazon VPC',
        ServiceCategory: 'Networking',
        ResourceId: 'nat-1',
      },
      {
        day,
        BilledCost: 3,
        EffectiveCost: 3,
        ServiceName: 'Amazon S3',
        ServiceCategory: 'Storage',
        ResourceId: 'arn:aws:s3:::legacy-exports',
        ResourceName: 'legacy-exports',
      },
    );
  }
  // September, for the change against the previous period.
  items.push({
    day: '2026-09-15',
    BilledCost: 200,
    EffectiveCost: 155,
    tags: { team: 'payments' },
  });
  return items;
}

describe.each(databases.eachSupportedId())(
  'cost-tenancy API on %s',
  databaseId => {
    let folder: string;
    const backends: Array<{ stop(): Promise<void> }> = [];

    beforeAll(async () => {
      folder = await fs.mkdtemp(join(tmpdir(), 'cost-api-'));
      await fs.mkdir(join(folder, 'aws', 'BILLING_PERIOD=2026-10'), {
        recursive: true,
      });
      await fs.writeFile(
        join(folder, 'aws', 'BILLING_PERIOD=2026-10', 'part-1.csv'),
        focusCsv(octoberBill()),
      );
      await fs.writeFile(
        join(folder, 'prod.json'),
        JSON.stringify(
          kubectlList(
            [
              {
                name: 'payments-prod',
                labels: {
                  team: 'payments',
                  environment: 'prod',
                  'pod-security.kubernetes.io/enforce': 'restricted',
                  'app.kubernetes.io/part-of': 'payments-api',
                },
                pods: [{ cpu: '4', memory: '16Gi' }],
                quota: {
                  hard: {
                    'requests.cpu': '8',
                    'requests.memory': '32Gi',
                    pods: '20',
                  },
                  used: {
                    'requests.cpu': '4',
                    'requests.memory': '16Gi',
                    pods: '1',
                  },
                },
                limitRange: true,
                networkPolicy: true,
              },
              {
                name: 'search-prod',
                labels: { tenant: 'search', environment: 'prod' },
                pods: [{ cpu: '2', memory: '8Gi' }],
              },
            ],
            [{ cpu: '10', memory: '40Gi' }],
          ),
        ),
      );
    });
    afterAll(async () => {
      await Promise.all(backends.map(b => b.stop()));
      await fs.rm(folder, { recursive: true, force: true });
    });

    async function startPortal(
      options: {
        permission?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
      } = {},
    ) {
      const backend = await startTestBackend({
        features: [
          costTenancyPlugin,
          mockServices.database.factory({
            knex: await databases.init(databaseId),
          }),
          // Requests without a token have no credentials (the mock's default is a user).
          mockServices.httpAuth.factory({
            defaultCredentials: mockCredentials.none(),
          }),
          // Scheduled runs are not what these tests are about; the startup run is.
          mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
          mockServices.rootConfig.factory({
            data: {
              costTenancy: {
                billing: {
                  sources: [{ name: 'aws', path: join(folder, 'aws') }],
                },
                clusters: {
                  snapshots: [
                    {
                      cluster: 'prod',
                      path: join(folder, 'prod.json'),
                      day: '2026-10-01',
                    },
                  ],
                },
                allocation: {
                  sharedCosts: [
                    {
                      name: 'Networking',
                      match: { category: 'Networking' },
                      split: 'even',
                    },
                  ],
                },
                currency: { base: 'USD', rates: { EUR: 1.25 } },
                access: { financeGroups: ['group:default/finance'] },
                budgets: [
                  { group: 'search', monthly: '500 USD' },
                  { group: 'group:default/engineering', monthly: 99 },
                ],
              },
            },
          }),
          catalogServiceMock.factory({
            entities: [
              ...demoGroups,
              group('=HYPERLINK("http://evil")', { parent: 'search' }),
              component,
            ],
          }),
          mockServices.userInfo.mock({
            getUserInfo: async (credentials: any) => ({
              userEntityRef: credentials.principal.userEntityRef,
              ownershipEntityRefs: [
                credentials.principal.userEntityRef,
                ...(MEMBERSHIP[credentials.principal.userEntityRef] ?? []),
              ],
            }),
          }).factory,
          ...(options.permission
            ? [mockServices.permissions.factory({ result: options.permission })]
            : []),
        ],
      });
      const { server } = backend;
      backends.push(backend);
      // The first ingestion runs at startup; the API answers 503 until it is done.
      for (let attempt = 0; attempt < 200; attempt++) {
        const response = await request(server)
          .get('/api/cost-tenancy/teams')
          .set('Authorization', as('maria'));
        if (response.status !== 503) break;
        await new Promise(resolve => setTimeout(resolve, 100));
      }
      return server;
    }

    let server: Awaited<ReturnType<typeof startPortal>>;
    beforeAll(async () => {
      server = await startPortal();
    });
    const get = (path: string, user = 'maria') =>
      request(server)
        .get(`/api/cost-tenancy${path}`)
        .set('Authorization', as(user));

    it('answers 401 without credentials', async () => {
      const response = await request(server).get('/api/cost-tenancy/teams');
      expect(response.status).toBe(401);
    });

    it('lists the teams a manager may see, rolled up, with change and budget use', async () => {
      const response = await get('/teams?from=2026-10-01&to=2026-10-31');

      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        from: '2026-10-01',
        to: '2026-10-31',
        currency: 'USD',
        measure: 'EffectiveCost',
        completeThrough: '2026-10-31',
      });
      const teams = Object.fromEntries(
        response.body.teams.map((t: any) => [t.name, t]),
      );
      expect(Object.keys(teams).sort()).toEqual([
        '=HYPERLINK("http://evil")',
        'engineering',
        'payments',
        'search',
      ]);
      // payments: 310 direct + 40 % of 620 node cost + half of 124 networking.
      expect(teams.payments.total).toBeCloseTo(310 + 248 + 62, 6);
      // search: 155 direct + 20 % of 620 + half of 124.
      expect(teams.search.total).toBeCloseTo(155 + 124 + 62, 6);
      expect(teams.engineering.total).toBeCloseTo(
        teams.payments.total + teams.search.total,
        6,
      );
      expect(teams.payments.previousTotal).toBeCloseTo(155, 6);
      // The annotation wins over config; config gives search its budget.
      expect(teams.engineering.monthlyBudget).toBe(3000);
      expect(teams.search.monthlyBudget).toBe(500);
      expect(teams.engineering.budgetUse).toBeCloseTo(
        teams.engineering.total / ((3000 * 31 * 12) / 365),
        5,
      );
      expect(response.body.organization).toBeUndefined();
    });

    it('shows finance the whole bill: teams, idle and unallocated add up to it', async () => {
      const response = await get(
        '/teams?from=2026-10-01&to=2026-10-31',
        'frank',
      );
      const { organization, teams } = response.body;
      const acme = teams.find((t: any) => t.name === 'acme');

      expect(organization.billTotal).toBeCloseTo(31 * (10 + 5 + 20 + 4 + 3), 6);
      expect(organization.idle).toBeCloseTo(0.4 * 620, 6);
      expect(organization.unallocated).toBeCloseTo(93, 6);
      expect(
        acme.total + organization.idle + organization.unallocated,
      ).toBeCloseTo(organization.billTotal, 6);
    });

    it("answers 403 for another team's cost, and leaves it out of the list", async () => {
      const denied = await get('/teams/default/search/costs', 'alice');
      expect(denied.status).toBe(403);
      expect(denied.body.error.message).toBe(
        'You can see costs of your own teams and the teams under them; group:default/search is not one of them',
      );
      const list = await get('/teams', 'alice');
      expect(list.body.teams.map((t: any) => t.name)).toEqual(['payments']);
      expect((await get('/unallocated', 'alice')).status).toBe(403);
    });

    it("rolls a parent's cost up from its teams, with each child's share", async () => {
      const response = await get(
        '/teams/default/engineering/costs?from=2026-10-01&to=2026-10-31&groupBy=namespace&granularity=month',
      );

      expect(response.status).toBe(200);
      const { total, children, series, breakdown, byAllocation } =
        response.body;
      expect(series).toEqual([{ date: '2026-10', amount: total }]);
      expect(children.map((c: any) => [c.entityRef, c.amount])).toEqual([
        ['group:default/payments', 620],
        ['group:default/search', 341],
      ]);
      expect(children[0].share).toBeCloseTo(620 / 961, 6);
      expect(breakdown).toEqual([
        { key: '(none)', amount: 465 + 124 },
        { key: 'payments-prod', amount: 248 },
        { key: 'search-prod', amount: 124 },
      ]);
      expect(byAllocation).toEqual({ direct: 465, cluster: 372, shared: 124 });
    });

    it('says which cluster sample stood in for days without one', async () => {
      const response = await get(
        '/teams/default/payments/costs?from=2026-10-30&to=2026-10-31',
      );
      expect(response.body.clusterSamples).toEqual([
        {
          cluster: 'prod',
          sampleDay: '2026-10-01',
          forDays: ['2026-10-30', '2026-10-31'],
        },
      ]);
    });

    it('sums BilledCost when asked, and converts to a currency with a rate', async () => {
      const billed = await get(
        '/teams/default/payments/costs?from=2026-10-01&to=2026-10-31&measure=BilledCost',
      );
      expect(billed.body.byAllocation.direct).toBeCloseTo(372, 6);
      const euros = await get(
        '/teams/default/payments/costs?from=2026-10-01&to=2026-10-31&currency=EUR',
      );
      expect(euros.body.currency).toBe('EUR');
      expect(euros.body.total).toBeCloseTo(620 / 1.25, 6);
    });

    it('answers 400 for a currency without a rate, and for bad parameters', async () => {
      const yen = await get('/teams?currency=JPY');
      expect(yen.status).toBe(400);
      expect(yen.body.error.message).toBe(
        'currency: no exchange rate for JPY; configured rates (costTenancy.currency.rates against USD) exist for EUR, USD',
      );
      const groupBy = await get('/teams/default/payments/costs?groupBy=colour');
      expect(groupBy.status).toBe(400);
      expect(groupBy.body.error.message).toMatch(/groupBy/);
      const backwards = await get('/teams?from=2026-10-20&to=2026-10-10');
      expect(backwards.status).toBe(400);
      expect(backwards.body.error.message).toMatch(
        /^from: 2026-10-20 is after to/,
      );
    });

    it('never reports past the last complete day', async () => {
      const response = await get(
        '/teams/default/payments/costs?from=2026-10-25&to=2026-12-31',
      );
      expect(response.body.to).toBe('2026-10-31');
      expect(response.body.series.at(-1).date).toBe('2026-10-31');
    });

    it('exports a cost view as CSV with formula-looking cells defused', async () => {
      const csv = await get('/teams?from=2026-10-01&to=2026-10-31').set(
        'Accept',
        'text/csv',
      );
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(csv.text.split('\r\n')[0]).toBe(
        'team,title,parent,total (USD),previous total,change,monthly budget,budget use',
      );
      expect(csv.text).toContain(
        `"group:default/=hyperlink(""http://evil"")","'=HYPERLINK(""http://evil"")",group:default/search`,
      );

      const series = await get(
        '/teams/default/payments/costs?from=2026-10-01&to=2026-10-31',
      ).set('Accept', 'text/csv');
      const amounts = series.text
        .trim()
        .split('\r\n')
        .slice(1)
        .map(line => Number(line.split(',')[1]));
      expect(amounts.reduce((s, a) => s + a, 0)).toBeCloseTo(620, 6);
    });

    it("shows a team's namespaces with quotas, requests, policies and cost", async () => {
      const response = await get(
        '/teams/default/payments/tenancy?from=2026-10-01&to=2026-10-31',
        'alice',
      );
      expect(response.body.namespaces).toEqual([
        {
          cluster: 'prod',
          namespace: 'payments-prod',
          environment: 'prod',
          labels: expect.objectContaining({ team: 'payments' }),
          component: 'payments-api',
          podSecurity: 'restricted',
          hasNetworkPolicy: true,
          hasLimitRange: true,
          quotas: [
            { resource: 'cpu', hard: 8, used: 4, requested: 4 },
            {
              resource: 'memory',
              hard: 32 * 2 ** 30,
              used: 16 * 2 ** 30,
              requested: 16 * 2 ** 30,
            },
            { resource: 'pods', hard: 20, used: 1, requested: 1 },
          ],
          sampleDay: '2026-10-01',
          cost: 248,
        },
      ]);
    });

    it("gives a component's cost by its service tag and namespace to whoever may read its owner's", async () => {
      const response = await get(
        '/entities/component/default/payments-api/costs?from=2026-10-01&to=2026-10-31',
        'alice',
      );
      expect(response.status).toBe(200);
      expect(response.body.total).toBeCloseTo(310 + 248, 6);
      expect(response.body.namespaces).toEqual(['payments-prod']);
      expect(
        (await get('/entities/component/default/payments-api/costs', 'ola'))
          .status,
      ).toBe(200);
      expect(
        (await get('/entities/component/default/nothing/costs')).status,
      ).toBe(404);
    });

    it('lists unallocated spend for finance, biggest first', async () => {
      const response = await get(
        '/unallocated?from=2026-10-01&to=2026-10-31',
        'frank',
      );
      expect(response.body.total).toBeCloseTo(93, 6);
      expect(response.body.items[0]).toMatchObject({
        resourceId: 'arn:aws:s3:::legacy-exports',
        resourceName: 'legacy-exports',
        service: 'Amazon S3',
        account: '222222222222',
        accountName: 'acme-prod',
        amount: 93,
      });
      const csv = await request(server)
        .get('/api/cost-tenancy/unallocated?from=2026-10-01&to=2026-10-31')
        .set('Authorization', as('frank'))
        .set('Accept', 'text/csv');
      expect(csv.text.split('\r\n').slice(0, 2)).toEqual([
        'resource id,resource name,service,account,account name,provider,amount (USD)',
        'arn:aws:s3:::legacy-exports,legacy-exports,Amazon S3,222222222222,acme-prod,AWS,93',
      ]);
    });

    it('names accounts by SubAccountName and id in a breakdown by account', async () => {
      const response = await get(
        '/teams/default/payments/costs?from=2026-10-01&to=2026-10-31&groupBy=account',
      );
      expect(response.status).toBe(200);
      expect(
        response.body.breakdown.map((b: { key: string }) => b.key),
      ).toEqual(['acme-prod (222222222222)']);
    });

    it('keeps the run history, and runs ingestion on request', async () => {
      const runs = await get('/ingestion/runs');
      expect(runs.body.runs[0]).toMatchObject({
        source: 'aws',
        trigger: 'startup',
        outcome: 'succeeded',
        files: 1,
        rows: 156,
      });
      const started = await request(server)
        .post('/api/cost-tenancy/ingestion/runs')
        .set('Authorization', as('frank'));
      expect(started.status).toBe(202);
      expect(started.body.runs).toEqual([
        expect.objectContaining({ trigger: 'manual', outcome: 'succeeded' }),
      ]);
    });

    it('answers 403 when the permission policy denies, even to members', async () => {
      const denied = await startPortal({
        permission: AuthorizeResult.DENY,
      }).catch(e => e);
      // The list still answers (it shows nothing the policy denies per team) but team pages do not.
      expect(denied).not.toBeInstanceOf(Error);
      const response = await request(denied)
        .get('/api/cost-tenancy/teams/default/payments/costs')
        .set('Authorization', as('alice'));
      expect(response.status).toBe(403);
      const run = await request(denied)
        .post('/api/cost-tenancy/ingestion/runs')
        .set('Authorization', as('frank'));
      expect(run.status).toBe(403);
    });
  },
);
