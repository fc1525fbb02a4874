// Where the time of a CSV ingestion goes, without a database, in its own
// process: reading the file's bytes only, then finding its records and
// fields, then the whole reader with the daily sums. Prints one JSON line.
//   readOnly.ts <file.csv>
import { createReadStream, statSync } from 'node:fs';
import { readCsv } from '../src/focus/readCsv';
import { DailyCostAggregator, DEFAULT_TAG_KEYS } from '../src/focus/dailyCosts';
import { readFocusFile } from '../src/focus/readFocusFile';

const bytesOf = (path: string): AsyncIterable<Buffer> =>
  createReadStream(path, { highWaterMark: 1024 * 1024 });

async function timed(run: () => Promise<number>) {
  const started = process.hrtime.bigint();
  const rows = await run();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  return {
    rows,
    ms: Math.round(ms),
    rowsPerSecond: rows ? Math.round((rows / ms) * 1000) : undefined,
  };
}

async function main() {
  const [path] = process.argv.slice(2);
  const bytes = await timed(async () => {
    for await (const chunk of bytesOf(path)) void chunk;
    return 0;
  });
  const records = await timed(async () => {
    let rows = 0;
    await readCsv(bytesOf(path), path, {
      onHeader: () => undefined,
      onRecord: () => {
        rows++;
      },
    });
    return rows;
  });
  const sums = await timed(async () => {
    const aggregator = new DailyCostAggregator(DEFAULT_TAG_KEYS);
    const file = {
      name: path,
      path,
      size: statSync(path).size,
      open: async () => createReadStream(path, { highWaterMark: 1024 * 1024 }),
    };
    return (await readFocusFile(file, aggregator, { maxBytes: 8 * 1024 ** 3 }))
      .rows;
  });
  console.log(
    JSON.stringify({ readOnlyMs: bytes.ms, records, recordsAndSums: sums }),
  );
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
