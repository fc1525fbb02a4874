// Ingestion benchmark: a FOCUS export with the full set of FOCUS 1.2
// columns as CSV, gzip CSV and Parquet, ingested into SQLite and into
// PostgreSQL, against DuckDB aggregating the same files in the same run.
//
//   yarn workspace @internal/plugin-cost-tenancy-backend bench:ingest [rows] [repeats]
//
// Files are kept in $TMPDIR/cost-tenancy-bench between runs. Each
// measurement runs in its own process, `repeats` times (3 by default); the
// figures are the medians, peak RSS the highest. The last line printed is
// JSON.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  gzipFile,
  writeBenchmarkCsv,
  writeBenchmarkParquet,
} from './focusExport';

const rows = Number(process.argv[2] ?? 1_000_000);
/** Runs of each measurement; the figures are their median (peak RSS: the highest). */
const repeats = Number(process.argv[3] ?? 3);
const dir = join(tmpdir(), 'cost-tenancy-bench');
const transform = require.resolve('@backstage/cli/config/nodeTransform.cjs');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? sorted[middle]
    : Math.round((sorted[middle - 1] + sorted[middle]) / 2);
}

function run(script: string, ...args: string[]) {
  const out = execFileSync(
    process.execPath,
    ['--require', transform, resolve(__dirname, script), ...args],
    {
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  return JSON.parse(out.trim().split('\n').pop()!);
}

async function main() {
  mkdirSync(dir, { recursive: true });
  const files = {
    csv: join(dir, `focus-${rows}.csv`),
    'csv.gz': join(dir, `focus-${rows}.csv.gz`),
    parquet: join(dir, `focus-${rows}.parquet`),
  };
  if (!existsSync(files.csv)) await writeBenchmarkCsv(files.csv, rows);
  if (!existsSync(files['csv.gz'])) await gzipFile(files.csv, files['csv.gz']);
  if (!existsSync(files.parquet))
    await writeBenchmarkParquet(files.parquet, rows);

  const results: Record<string, any> = {};
  for (const [format, file] of Object.entries(files)) {
    // DuckDB and each database take turns, so a slow spell of the machine
    // falls on all of them.
    const duckdbRuns: any[] = [];
    const runsOf: Record<string, any[]> = { sqlite: [], postgres: [] };
    for (let i = 0; i < repeats; i++) {
      duckdbRuns.push(run('duckdbOne.ts', file));
      for (const database of ['sqlite', 'postgres']) {
        const measured = run('ingestOne.ts', file, database);
        if (measured.rows !== duckdbRuns[0].rows) {
          throw new Error(
            `${format} into ${database}: ${measured.rows} rows ingested, DuckDB read ${duckdbRuns[0].rows}`,
          );
        }
        runsOf[database].push(measured);
      }
    }
    const duckdb = median(duckdbRuns.map(r => r.rowsPerSecond));
    const entry: Record<string, any> = {
      fileMB: Math.round(statSync(file).size / 1024 / 1024),
      duckdbRowsPerSecond: duckdb,
      duckdbRuns: duckdbRuns.map(r => r.rowsPerSecond),
    };
    for (const database of ['sqlite', 'postgres']) {
      const measured = runsOf[database];
      const rowsPerSecond = median(measured.map(r => r.rowsPerSecond));
      entry[database] = {
        rowsPerSecond,
        ratioToDuckdb: Math.round((rowsPerSecond / duckdb) * 100) / 100,
        peakRssMB: Math.max(...measured.map(r => r.peakRssMB)),
        runs: measured.map(r => r.rowsPerSecond),
      };
      console.log(
        `${format} into ${database}: ${JSON.stringify(
          entry[database],
        )} (DuckDB median ${duckdb} rows/s of ${entry.duckdbRuns.join(', ')})`,
      );
    }
    results[format] = entry;
  }
  // Where the CSV time goes, without a database.
  results.csv.withoutDatabase = run('readOnly.ts', files.csv);
  console.log(
    `csv without a database: ${JSON.stringify(results.csv.withoutDatabase)}`,
  );
  console.log(JSON.stringify({ benchmark: 'ingest', rows, results }));
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
