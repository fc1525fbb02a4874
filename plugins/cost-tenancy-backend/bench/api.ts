// API benchmark: 10 million line items' worth of daily cost sums for 12
// months, then 32 concurrent clients asking for teams' cost series over the
// 12 months through the real router (OpenAPI validation, permission check,
// allocation), on SQLite and on PostgreSQL.
//
//   yarn workspace @internal/plugin-cost-tenancy-backend bench:api [seconds]
//
// The last line printed is JSON.
import { readFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import autocannon from 'autocannon';
import express from 'express';
import yaml from 'yaml';
import { Entity } from '@backstage/catalog-model';
import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { clusterObjects } from '../src/clusters/kubectlSnapshot';
import { DailyCost } from '../src/focus/dailyCosts';
import { dailyCost } from '../src/__testUtils__/dailyCost';
import { CostReports } from '../src/service/CostReports';
import { createRouter } from '../src/service/router';
import { TeamDirectory } from '../src/teams/TeamDirectory';
import { benchStore, BenchDatabase } from './benchDatabase';

const seconds = Number(process.argv[2] ?? 20);
const quietLogger: any = {
  info() {},
  warn() {},
  error() {},
  debug() {},
  child: () => quietLogger,
};
const LINE_ITEMS = 10_000_000;
const TEAMS = ['payments', 'checkout', 'search', 'platform', 'data'];
const SERVICES = [
  'Amazon RDS',
  'Amazon S3',
  'Amazon OpenSearch Service',
  'Amazon ElastiCache',
  'AWS Lambda',
  'Amazon CloudFront',
];

function days(): string[] {
  const result: string[] = [];
  for (
    let t = Date.UTC(2025, 10, 1);
    t < Date.UTC(2026, 10, 1);
    t += 86_400_000
  ) {
    result.push(new Date(t).toISOString().slice(0, 10));
  }
  return result;
}

/** One day's sums: each team's tagged services per environment, node cost of two clusters, networking, untagged resources. */
function dailySums(day: string, perRow: number): DailyCost[] {
  const base = dailyCost({
    billingPeriod: day.slice(0, 7),
    day,
    listCost: 0,
    rowCount: perRow,
  });
  const sums: DailyCost[] = [];
  let i = 0;
  const cost = () => 5 + ((i++ * 7919) % 100) / 10;
  for (const team of TEAMS) {
    for (const service of SERVICES) {
      for (const environment of ['prod', 'staging']) {
        const c = cost();
        sums.push({
          ...base,
          service,
          category: 'Databases',
          teamTag: team,
          environment,
          serviceTag: `${team}-api`,
          effectiveCost: c,
          billedCost: c,
        });
      }
    }
  }
  for (const cluster of ['prod-eu-cluster', 'staging-eu-cluster']) {
    for (const group of ['general', 'memory']) {
      const c = cost() * 4;
      sums.push({
        ...base,
        service: 'Amazon EC2',
        category: 'Compute',
        cluster,
        resourceName: group,
        effectiveCost: c,
        billedCost: c,
      });
    }
  }
  for (const service of ['Amazon VPC', 'AWS Data Transfer']) {
    const c = cost();
    sums.push({
      ...base,
      service,
      category: 'Networking',
      effectiveCost: c,
      billedCost: c,
    });
  }
  for (let r = 0; r < 30; r++) {
    const c = cost() / 5;
    sums.push({
      ...base,
      service: 'Amazon S3',
      category: 'Storage',
      resourceId: `arn:aws:s3:::bucket-${r}`,
      resourceName: `bucket-${r}`,
      effectiveCost: c,
      billedCost: c,
    });
  }
  return sums;
}

const repoRoot = resolve(__dirname, '../../..');
const org: Entity[] = yaml
  .parseAllDocuments(
    readFileSync(resolve(repoRoot, 'examples/org.yaml'), 'utf8'),
  )
  .map(doc => doc.toJSON())
  .filter(Boolean);
const clusterJson = (name: string) =>
  JSON.parse(
    readFileSync(resolve(repoRoot, `examples/clusters/${name}.json`), 'utf8'),
  );

async function measure(database: BenchDatabase) {
  const { store, close } = await benchStore(database);
  const allDays = days();
  const combos = dailySums(allDays[0], 0).length;
  const perRow = Math.ceil(LINE_ITEMS / (allDays.length * combos));
  const loadStarted = Date.now();
  for (const month of [...new Set(allDays.map(d => d.slice(0, 7)))]) {
    const costs = allDays
      .filter(d => d.startsWith(month))
      .flatMap(d => dailySums(d, perRow));
    await store.replaceFile({
      source: 'bench',
      file: `${month}.csv`,
      fingerprint: month,
      rows: costs.length * perRow,
      costs,
    });
  }
  for (const cluster of ['prod-eu-cluster', 'staging-eu-cluster']) {
    const read = clusterObjects(clusterJson(cluster).items);
    await store.saveClusterSample(
      {
        cluster,
        day: '2025-11-01',
        cpuAllocatable: read.cpuAllocatable,
        memoryAllocatable: read.memoryAllocatable,
        origin: 'bench',
      },
      read.namespaces.map(n => ({ ...n, cluster, day: '2025-11-01' })),
    );
  }
  const loadSeconds = (Date.now() - loadStarted) / 1000;

  const teams = new TeamDirectory(org.filter(e => e.kind === 'Group'));
  const user = {
    principal: { type: 'user', userEntityRef: 'user:default/maria.garcia' },
  };
  const router = await createRouter({
    httpAuth: { credentials: async () => user } as any,
    auth: { isPrincipal: () => true } as any,
    userInfo: {
      getUserInfo: async () => ({
        userEntityRef: 'user:default/maria.garcia',
        ownershipEntityRefs: ['group:default/engineering'],
      }),
    } as any,
    permissions: {
      authorize: async (requests: unknown[]) =>
        requests.map(() => ({ result: 'ALLOW' })),
    } as any,
    catalog: {} as any,
    store,
    reports: new CostReports(
      store,
      {
        baseCurrency: 'USD',
        rates: {},
        namespaceTeamLabels: ['team', 'tenant'],
        weights: { cpu: 0.5, memory: 0.5 },
        sharedCostRules: [
          {
            name: 'Networking',
            match: { category: 'Networking' },
            split: 'proportional',
          },
        ],
      },
      () => '2026-11-26',
    ),
    financeGroups: [],
    teams: async () => teams,
    ready: () => true,
    ingestNow: async () => {},
  });
  const app = express();
  app.use('/api/cost-tenancy', router);
  app.use(
    MiddlewareFactory.create({
      config: { getOptionalString: () => undefined } as any,
      logger: quietLogger,
    }).error(),
  );
  const server = app.listen(0, '127.0.0.1');
  await new Promise(r => server.once('listening', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const paths = TEAMS.map(
    t =>
      `/api/cost-tenancy/teams/default/${t}/costs?from=2025-11-01&to=2026-10-31&granularity=month&groupBy=service`,
  );
  paths.push(
    '/api/cost-tenancy/teams/default/engineering/costs?from=2025-11-01&to=2026-10-31&granularity=month&groupBy=namespace',
  );

  // One request first: the allocation of the 12 months is computed once, then shared.
  const firstStarted = Date.now();
  const first = await fetch(`${url}${paths[0]}`);
  const firstMs = Date.now() - firstStarted;
  if (!first.ok)
    throw new Error(
      `first request answered ${first.status}: ${await first.text()}`,
    );

  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolveRun, reject) => {
    const instance = autocannon(
      {
        url,
        connections: 32,
        duration: seconds,
        requests: paths.map(path => ({ method: 'GET', path })),
      },
      (error, finished) => (error ? reject(error) : resolveRun(finished)),
    );
    instance.on('response', (_client, _status, _bytes, ms) =>
      latencies.push(ms),
    );
  });
  latencies.sort((a, b) => a - b);
  const percentile = (p: number) =>
    Math.round(
      latencies[
        Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))
      ] * 10,
    ) / 10;
  server.close();
  await close();
  return {
    aggregateRows: allDays.length * combos,
    lineItems: allDays.length * combos * perRow,
    loadSeconds,
    firstRequestMs: firstMs,
    requestsPerSecond: Math.round(result.requests.average),
    latencyMs: {
      p50: percentile(50),
      p95: percentile(95),
      p99: percentile(99),
    },
    errors: result.errors,
    non2xx: result.non2xx,
    requests: result.requests.total,
  };
}

async function main() {
  const results: Record<string, any> = {};
  for (const database of ['sqlite', 'postgres'] as const) {
    results[database] = await measure(database);
    console.log(`${database}: ${JSON.stringify(results[database])}`);
  }
  console.log(
    JSON.stringify({ benchmark: 'api', connections: 32, seconds, results }),
  );
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
