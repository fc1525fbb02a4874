import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { IngestionRun } from '@internal/plugin-cost-tenancy-common';
import { Knex } from 'knex';
import { DailyCost } from '../focus/dailyCosts';
import { ClusterSample, NamespaceSample } from '../clusters/samples';

const migrationsDir = resolvePackagePath(
  '@internal/plugin-cost-tenancy-backend',
  'migrations',
);

/** SQLite refuses compound inserts of more than 500 rows; stay well under. */
const INSERT_CHUNK = 200;
/** Rows per PostgreSQL insert, sent as one JSON parameter. */
const POSTGRES_INSERT_CHUNK = 5000;

type Amount = 'effectiveCost' | 'billedCost' | 'listCost' | 'rowCount';

/** The column of each dimension of a daily cost. */
const DIMENSION_COLUMNS = {
  billingPeriod: 'billing_period',
  day: 'day',
  provider: 'provider',
  service: 'service',
  category: 'category',
  chargeCategory: 'charge_category',
  account: 'account',
  accountName: 'account_name',
  region: 'region',
  currency: 'currency',
  teamTag: 'team_tag',
  environment: 'environment',
  serviceTag: 'service_tag',
  cluster: 'cluster',
  resourceId: 'resource_id',
  resourceName: 'resource_name',
} as const satisfies Record<Exclude<keyof DailyCost, Amount>, string>;

/** The column and PostgreSQL type of each amount of a daily cost. */
const AMOUNT_COLUMNS = {
  effectiveCost: ['effective_cost', 'float8'],
  billedCost: ['billed_cost', 'float8'],
  listCost: ['list_cost', 'float8'],
  rowCount: ['row_count', 'int4'],
} as const satisfies Record<Amount, readonly [string, string]>;

const dimensions = Object.entries(DIMENSION_COLUMNS) as Array<
  [Exclude<keyof DailyCost, Amount>, string]
>;
const amounts = Object.entries(AMOUNT_COLUMNS) as Array<
  [Amount, readonly [string, string]]
>;

/** A daily cost as a row of its table. */
function costRow(source: string, file: string, cost: DailyCost) {
  const row: Record<string, unknown> = { source, file };
  for (const [key, column] of dimensions) row[column] = cost[key];
  for (const [key, [column]] of amounts) row[column] = cost[key];
  return row;
}

/** Every column of the daily cost table with its PostgreSQL type. */
const POSTGRES_COST_COLUMNS: Array<[string, string]> = [
  ['source', 'text'],
  ['file', 'text'],
  ...dimensions.map(([, column]): [string, string] => [column, 'text']),
  ...amounts.map(([, [column, type]]): [string, string] => [column, type]),
];

const COSTS = 'cost_tenancy_daily_costs';
const FILES = 'cost_tenancy_export_files';
const RUNS = 'cost_tenancy_ingestion_runs';
const NAMESPACES = 'cost_tenancy_namespace_samples';
const CLUSTERS = 'cost_tenancy_cluster_samples';

/** A stored export file's identity. */
export type StoredFile = { file: string; fingerprint: string };

/** The plugin's tables: daily costs, export files, runs and cluster samples. */
export class CostStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<CostStore> {
    const knex = await options.database.getClient();
    if (!options.database.migrations?.skip) {
      await knex.migrate.latest({ directory: migrationsDir });
    }
    return new CostStore(knex);
  }

  private constructor(private readonly knex: Knex) {}

  /** Goes up with every write, so answers computed from older data are not reused. */
  version = 0;

  async filesOf(source: string): Promise<StoredFile[]> {
    return this.knex(FILES).where({ source }).select('file', 'fingerprint');
  }

  /**
   * Replaces what one export file delivered, in one transaction: a restated
   * file's dropped rows disappear, a re-ingested one changes nothing.
   */
  async replaceFile(options: {
    source: string;
    file: string;
    fingerprint: string;
    rows: number;
    costs: DailyCost[];
  }): Promise<void> {
    const { source, file } = options;
    await this.knex.transaction(async tx => {
      await tx(COSTS).where({ source, file }).delete();
      await this.insertCosts(
        tx,
        options.costs.map(cost => costRow(source, file, cost)),
      );
      await tx(FILES).where({ source, file }).delete();
      await tx(FILES).insert({
        source,
        file,
        fingerprint: options.fingerprint,
        rows: options.rows,
        billing_periods: [
          ...new Set(options.costs.map(c => c.billingPeriod)),
        ].join(','),
        ingested_at: new Date(),
      });
    });
    this.version++;
  }

  /**
   * Inserts daily cost rows: on PostgreSQL thousands at a time as one JSON
   * parameter (`jsonb_to_recordset`), far cheaper than thousands of bound
   * values; elsewhere in multi-row inserts SQLite accepts.
   */
  private async insertCosts(
    tx: Knex.Transaction,
    records: Record<string, unknown>[],
  ) {
    if (this.knex.client.config.client !== 'pg') {
      for (let i = 0; i < records.length; i += INSERT_CHUNK) {
        await tx(COSTS).insert(records.slice(i, i + INSERT_CHUNK));
      }
      return;
    }
    const columns = POSTGRES_COST_COLUMNS.map(([name]) => `"${name}"`).join(
      ', ',
    );
    const types = POSTGRES_COST_COLUMNS.map(
      ([name, type]) => `"${name}" ${type}`,
    );
    const insert = `INSERT INTO ${COSTS} (${columns}) SELECT ${columns} FROM jsonb_to_recordset(?::jsonb) AS r(${types})`;
    for (let i = 0; i < records.length; i += POSTGRES_INSERT_CHUNK) {
      const chunk = records.slice(i, i + POSTGRES_INSERT_CHUNK);
      await tx.raw(insert, [JSON.stringify(chunk)]);
    }
  }

  /** Forgets files the source no longer delivers, with their costs. */
  async removeFiles(source: string, files: string[]): Promise<void> {
    if (files.length === 0) return;
    await this.knex.transaction(async tx => {
      await tx(COSTS).where({ source }).whereIn('file', files).delete();
      await tx(FILES).where({ source }).whereIn('file', files).delete();
    });
    this.version++;
  }

  /** Daily costs of the days from `from` to `to` (inclusive), summed over files. */
  async dailyCosts(range: { from: string; to: string }): Promise<DailyCost[]> {
    const dims = dimensions.map(([, column]) => column);
    let query = this.knex(COSTS)
      .whereBetween('day', [range.from, range.to])
      .select(dims)
      .groupBy(dims);
    for (const [, [column]] of amounts) query = query.sum({ [column]: column });
    const rows: Record<string, any>[] = await query;
    return rows.map(row => {
      const cost: Record<string, unknown> = {};
      for (const [key, column] of dimensions) cost[key] = row[column];
      for (const [key, [column]] of amounts) cost[key] = Number(row[column]);
      return cost as DailyCost;
    });
  }

  /** The latest day with cost data, per source. */
  async latestDays(): Promise<Array<{ source: string; day: string }>> {
    return this.knex(COSTS)
      .select('source')
      .max({ day: 'day' })
      .groupBy('source');
  }

  async startRun(source: string, trigger: IngestionRun['trigger']) {
    const [row] = await this.knex(RUNS)
      .insert({
        source,
        trigger,
        started_at: new Date(),
        outcome: 'running',
      })
      .returning('id');
    return typeof row === 'object' ? row.id : row;
  }

  async finishRun(
    id: number,
    result: Pick<
      IngestionRun,
      'outcome' | 'files' | 'rows' | 'rejectedRows' | 'error' | 'durationMs'
    >,
  ) {
    await this.knex(RUNS).where({ id }).update({
      outcome: result.outcome,
      files: result.files,
      rows: result.rows,
      rejected_rows: result.rejectedRows,
      error: result.error,
      duration_ms: result.durationMs,
    });
  }

  async runs(limit = 100): Promise<IngestionRun[]> {
    const rows = await this.knex(RUNS).orderBy('id', 'desc').limit(limit);
    return rows.map((r: any) => ({
      id: r.id,
      source: r.source,
      trigger: r.trigger,
      startedAt: new Date(r.started_at).toISOString(),
      durationMs: r.duration_ms,
      outcome: r.outcome,
      files: r.files,
      rows: r.rows,
      rejectedRows: r.rejected_rows,
      error: r.error,
    }));
  }

  /** Stores a cluster's sample of one day, replacing an earlier one of that day. */
  async saveClusterSample(
    cluster: ClusterSample,
    namespaces: NamespaceSample[],
  ): Promise<void> {
    const key = { cluster: cluster.cluster, day: cluster.day };
    await this.knex.transaction(async tx => {
      await tx(NAMESPACES).where(key).delete();
      await tx(CLUSTERS).where(key).delete();
      await tx(CLUSTERS).insert({
        ...key,
        cpu_allocatable: cluster.cpuAllocatable,
        memory_allocatable: cluster.memoryAllocatable,
        origin: cluster.origin,
      });
      const records = namespaces.map(n => ({
        ...key,
        namespace: n.namespace,
        labels: JSON.stringify(n.labels),
        cpu_requests: n.cpuRequests,
        memory_requests: n.memoryRequests,
        pods: n.pods,
        quotas: JSON.stringify(n.quotas),
        has_limit_range: n.hasLimitRange,
        has_network_policy: n.hasNetworkPolicy,
        pod_security: n.podSecurity,
      }));
      for (let i = 0; i < records.length; i += INSERT_CHUNK) {
        await tx(NAMESPACES).insert(records.slice(i, i + INSERT_CHUNK));
      }
    });
    this.version++;
  }

  /** Every cluster sample, oldest first (a day before the first sample uses the first). */
  async clusterSamples(): Promise<ClusterSample[]> {
    const rows = await this.knex(CLUSTERS).orderBy([
      { column: 'cluster' },
      { column: 'day' },
    ]);
    return rows.map((r: any) => ({
      cluster: r.cluster,
      day: r.day,
      cpuAllocatable: Number(r.cpu_allocatable),
      memoryAllocatable: Number(r.memory_allocatable),
      origin: r.origin,
    }));
  }

  /** The namespaces of the given cluster samples. */
  async namespaceSamples(
    samples: Array<{ cluster: string; day: string }>,
  ): Promise<NamespaceSample[]> {
    if (samples.length === 0) return [];
    const rows = await this.knex(NAMESPACES).where(builder => {
      for (const s of samples) {
        builder.orWhere({ cluster: s.cluster, day: s.day });
      }
    });
    return rows.map((r: any) => ({
      cluster: r.cluster,
      day: r.day,
      namespace: r.namespace,
      labels: JSON.parse(r.labels),
      cpuRequests: Number(r.cpu_requests),
      memoryRequests: Number(r.memory_requests),
      pods: Number(r.pods),
      quotas: JSON.parse(r.quotas),
      hasLimitRange: Boolean(r.has_limit_range),
      hasNetworkPolicy: Boolean(r.has_network_policy),
      podSecurity: r.pod_security,
    }));
  }
}
