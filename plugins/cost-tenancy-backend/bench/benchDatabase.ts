import knexFactory, { Knex } from 'knex';
import { CostStore } from '../src/store/CostStore';

export type BenchDatabase = 'sqlite' | 'postgres';

/** The PostgreSQL the benchmarks use, as `make test` does. */
export const POSTGRES_URL =
  process.env.PORTAL_TEST_POSTGRES_URL ??
  'postgresql://postgres@127.0.0.1:5432';

/** A store on a fresh database: SQLite in memory, or a new PostgreSQL database dropped by `close`. */
export async function benchStore(kind: BenchDatabase) {
  let knex: Knex;
  let close: () => Promise<void>;
  if (kind === 'sqlite') {
    knex = knexFactory({
      client: 'better-sqlite3',
      connection: ':memory:',
      useNullAsDefault: true,
    });
    close = () => knex.destroy();
  } else {
    const name = `cost_bench_${process.pid}_${Date.now()}`;
    const admin = knexFactory({
      client: 'pg',
      connection: `${POSTGRES_URL}/postgres`,
    });
    await admin.raw(`CREATE DATABASE ${name}`);
    knex = knexFactory({
      client: 'pg',
      connection: `${POSTGRES_URL}/${name}`,
      pool: { min: 1, max: 4 },
    });
    close = async () => {
      await knex.destroy();
      await admin.raw(`DROP DATABASE IF EXISTS ${name}`);
      await admin.destroy();
    };
  }
  const store = await CostStore.create({
    database: { getClient: async () => knex },
  });
  return { store, knex, close };
}
