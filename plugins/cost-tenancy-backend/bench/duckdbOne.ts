// The reference: DuckDB aggregating the same file by the same day and
// dimensions, in its own process. Prints one JSON line.
//   duckdbOne.ts <file>
import { DuckDBInstance } from '@duckdb/node-api';

async function main() {
  const [file] = process.argv.slice(2);
  const source = file.endsWith('.parquet')
    ? `read_parquet('${file}')`
    : `read_csv('${file}', header = true, auto_detect = true)`;
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const started = process.hrtime.bigint();
  const reader = await connection.runAndReadAll(`
    SELECT CAST(ChargePeriodStart AS DATE) AS day, BillingPeriodStart, ProviderName, ServiceName,
           ServiceCategory, ChargeCategory, SubAccountId, RegionId, BillingCurrency, Tags,
           sum(EffectiveCost), sum(BilledCost), sum(ListCost), count(*) AS line_items
    FROM ${source}
    GROUP BY ALL`);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const rows = reader
    .getRowObjects()
    .reduce((s, r) => s + Number(r.line_items), 0);
  console.log(
    JSON.stringify({
      rows,
      groups: reader.currentRowCount,
      ms: Math.round(ms),
      rowsPerSecond: Math.round((rows / ms) * 1000),
      peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    }),
  );
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
