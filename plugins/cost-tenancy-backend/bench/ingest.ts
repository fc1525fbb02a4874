// Ingestion benchmark: a FOCUS export with the full set of FOCUS 1.2
// columns as CSV, gzip CSV and Parquet, ingested into SQLite and into
// PostgreSQL, against DuckDB aggregating the same files in the same run.
//
//   yarn workspace @internal/plugin-cost-tenancy-backend bench:ingest [rows]
//
// Files are kept in $TMPDIR/cost-tenancy-bench between runs. Each
// measurement runs in its own process; the last line printed is JSON.
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
const dir = join(tmpdir(), 'cost-tenancy-bench');
const transform = require.resolve('@backstage/cli/config/nodeTransform.cjs');

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
    const duckdb = run('duckdbOne.ts', file);
    const entry: Record<string, any> = {
      fileMB: Math.round(statSync(file).size / 1024 / 1024),
      duckdbRowsPerSecond: duckdb.rowsPerSecond,
    };
    for (const database of ['sqlite', 'postgres']) {
      const measured = run('ingestOne.ts', file, database);
      if (measured.rows !== duckdb.rows) {
        throw new Error(
          `${format} into ${database}: ${measured.rows} rows ingested, DuckDB read ${duckdb.rows}`,
        );
      }
      entry[database] = {
        rowsPerSecond: measured.rowsPerSecond,
        ratioToDuckdb:
          Math.round((measured.rowsPerSecond / duckdb.rowsPerSecond) * 100) /
          100,
        peakRssMB: measured.peakRssMB,
        seconds: measured.ms / 1000,
      };
      console.log(
        `${format} into ${database}: ${JSON.stringify(
          entry[database],
        )} (DuckDB ${duckdb.rowsPerSecond} rows/s)`,
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
