// One measured ingestion in its own process, so its peak RSS is its own:
//   ingestOne.ts <file> <sqlite|postgres>
// Prints one JSON line.
import { DEFAULT_TAG_KEYS } from '../src/focus/dailyCosts';
import { BillingIngestion } from '../src/ingestion/BillingIngestion';
import { benchStore, BenchDatabase } from './benchDatabase';

async function main() {
  const [file, database] = process.argv.slice(2) as [string, BenchDatabase];
  const { store, knex, close } = await benchStore(database);
  const ingestion = new BillingIngestion({
    store,
    // A local file: no URL is read. Logs would only slow the measurement.
    reader: {} as any,
    logger: {
      info() {},
      warn() {},
      error() {},
      debug() {},
      child() {
        return this;
      },
    } as any,
    sources: [],
    tagKeys: DEFAULT_TAG_KEYS,
    maxFileBytes: 8 * 1024 ** 3,
    baseDir: '/',
  });
  const started = process.hrtime.bigint();
  await ingestion.runSource({ name: 'bench', path: file }, 'manual');
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const [run] = await store.runs(1);
  if (run.outcome !== 'succeeded')
    throw new Error(`ingestion ${run.outcome}: ${run.error}`);
  const [{ n }] = await knex('cost_tenancy_daily_costs').count({ n: '*' });
  await close();
  console.log(
    JSON.stringify({
      rows: run.rows,
      storedSums: Number(n),
      ms: Math.round(ms),
      rowsPerSecond: Math.round((run.rows / ms) * 1000),
      peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    }),
  );
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
