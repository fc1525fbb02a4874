import { readFileSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import request from 'supertest';
import yaml from 'yaml';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import costTenancyPlugin from '@internal/plugin-cost-tenancy-backend';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const repoRoot = resolvePath(__dirname, '../../..');
const backendDir = resolvePath(repoRoot, 'packages/backend');
const read = (path: string) =>
  readFileSync(resolvePath(repoRoot, path), 'utf8');

/** The embedded default's costTenancy settings, with paths made absolute from the backend's folder. */
function embeddedCostSettings() {
  const settings = yaml.parse(read('app-config.yaml')).costTenancy;
  for (const source of settings.billing.sources) {
    source.path = resolvePath(backendDir, source.path);
  }
  for (const snapshot of settings.clusters.snapshots) {
    snapshot.path = resolvePath(backendDir, snapshot.path);
  }
  return settings;
}

const org: Entity[] = yaml
  .parseAllDocuments(read('examples/org.yaml'))
  .map(doc => doc.toJSON())
  .filter(Boolean);
const membersOf = (user: string) =>
  (
    org.find(e => e.kind === 'User' && e.metadata.name === user)?.spec
      ?.memberOf as string[]
  ).map(g => `group:default/${g}`);
const bill: Record<string, { EffectiveCost: number; BilledCost: number }> =
  JSON.parse(read('examples/billing/bill-by-month.json'));

describe('the demo billing data in the embedded default', () => {
  let server: any;
  let stop: () => Promise<void>;

  beforeAll(async () => {
    const backend = await startTestBackend({
      features: [
        costTenancyPlugin,
        mockServices.database.factory({
          knex: await databases.init('SQLITE_3'),
        }),
        mockServices.rootConfig.factory({
          data: { costTenancy: embeddedCostSettings() },
        }),
        catalogServiceMock.factory({ entities: org }),
        mockServices.userInfo.mock({
          getUserInfo: async (credentials: any) => ({
            userEntityRef: credentials.principal.userEntityRef,
            ownershipEntityRefs: membersOf(
              credentials.principal.userEntityRef.split('/')[1],
            ),
          }),
        }).factory,
      ],
    });
    server = backend.server;
    stop = () => backend.stop();
    for (let i = 0; i < 300; i++) {
      const response = await request(server)
        .get('/api/cost-tenancy/teams')
        .set('Authorization', mockCredentials.service.header());
      if (response.status !== 503) break;
      await new Promise(resolve => setTimeout(resolve, 100));
    }
  });
  afterAll(() => stop());

  it.each(['2026-03', '2026-06', '2026-10'])(
    'adds team, idle and unallocated cost up to the bill of %s, for each measure',
    async month => {
      for (const measure of ['EffectiveCost', 'BilledCost'] as const) {
        const last = new Date(Date.UTC(+month.slice(0, 4), +month.slice(5), 0))
          .toISOString()
          .slice(0, 10);
        const response = await request(server)
          .get(
            `/api/cost-tenancy/teams?from=${month}-01&to=${last}&measure=${measure}`,
          )
          .set('Authorization', mockCredentials.service.header());

        expect(response.status).toBe(200);
        const { organization, teams } = response.body;
        const acme = teams.find((t: any) => t.name === 'acme');
        expect(organization.billTotal).toBeCloseTo(bill[month][measure], 2);
        expect(
          acme.total + organization.idle + organization.unallocated,
        ).toBeCloseTo(organization.billTotal, 4);
        expect(organization.idle).toBeGreaterThan(0);
        expect(organization.unallocated).toBeGreaterThan(0);
      }
    },
  );

  it('shows the demo manager every engineering team with its cost', async () => {
    const response = await request(server)
      .get('/api/cost-tenancy/teams?from=2026-10-01&to=2026-10-31')
      .set(
        'Authorization',
        mockCredentials.user.header('user:default/maria.garcia'),
      );

    const totals = Object.fromEntries(
      response.body.teams.map((t: any) => [t.name, t.total]),
    );
    expect(Object.keys(totals).sort()).toEqual([
      'checkout',
      'data',
      'engineering',
      'payments',
      'platform',
      'search',
    ]);
    for (const total of Object.values(totals))
      expect(total).toBeGreaterThan(100);
    expect(response.body.organization).toBeUndefined();
  });
});
