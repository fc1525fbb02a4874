import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createGzip } from 'node:zlib';
import { pipeline } from 'node:stream/promises';
import { createReadStream } from 'node:fs';
import { Writable } from 'node:stream';
import {
  fileWriter,
  ParquetWriter,
  schemaFromColumnData,
} from 'hyparquet-writer';

/** The FOCUS 1.2 columns, in the order AWS Data Exports writes them. */
export const FULL_FOCUS_COLUMNS = [
  'AvailabilityZone',
  'BilledCost',
  'BillingAccountId',
  'BillingAccountName',
  'BillingCurrency',
  'BillingPeriodEnd',
  'BillingPeriodStart',
  'ChargeCategory',
  'ChargeClass',
  'ChargeDescription',
  'ChargeFrequency',
  'ChargePeriodEnd',
  'ChargePeriodStart',
  'CommitmentDiscountCategory',
  'CommitmentDiscountId',
  'CommitmentDiscountName',
  'CommitmentDiscountStatus',
  'CommitmentDiscountType',
  'ConsumedQuantity',
  'ConsumedUnit',
  'ContractedCost',
  'ContractedUnitPrice',
  'EffectiveCost',
  'InvoiceIssuerName',
  'ListCost',
  'ListUnitPrice',
  'PricingCategory',
  'PricingQuantity',
  'PricingUnit',
  'ProviderName',
  'PublisherName',
  'RegionId',
  'RegionName',
  'ResourceId',
  'ResourceName',
  'ResourceType',
  'ServiceCategory',
  'ServiceName',
  'SkuId',
  'SkuPriceId',
  'SubAccountId',
  'SubAccountName',
  'Tags',
  'x_CostCategories',
  'x_Discounts',
  'x_Operation',
  'x_ServiceCode',
  'x_UsageType',
];

const TEAMS = [
  'payments',
  'checkout',
  'search',
  'platform',
  'data',
  'pay',
  'unknown-team',
];
const SERVICES: Array<[string, string]> = [
  ['Amazon Elastic Compute Cloud', 'Compute'],
  ['Amazon Relational Database Service', 'Databases'],
  ['Amazon Simple Storage Service', 'Storage'],
  ['Amazon Virtual Private Cloud', 'Networking'],
  ['Amazon OpenSearch Service', 'Analytics'],
  ['Amazon ElastiCache', 'Databases'],
  ['AWS Lambda', 'Compute'],
  ['Amazon CloudFront', 'Networking'],
];

function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const cell = (v: string) =>
  /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;

/** Row i of the benchmark export: October 2026, a mix of tagged, node, shared and untagged cost. */
export function* benchmarkRows(
  count: number,
): Generator<Record<string, string | number | Date>> {
  const rand = random(42);
  for (let i = 0; i < count; i++) {
    const day = 1 + (i % 31);
    const start = Date.UTC(2026, 9, day, i % 24);
    const [service, category] = SERVICES[i % SERVICES.length];
    const kind = i % 10;
    const team = TEAMS[i % TEAMS.length];
    let tags: Record<string, string> | undefined;
    if (kind < 6) {
      tags = {
        team,
        service: `${team}-api`,
        environment: i % 3 ? 'prod' : 'staging',
        'cost-center': `cc-${team}`,
      };
    } else if (kind < 8) {
      tags = {
        'kubernetes.io/cluster/prod-eu-cluster': 'owned',
        'eks:nodegroup-name': 'general',
      };
    }
    const billed = Math.round(rand() * 1e6) / 1e4;
    yield {
      AvailabilityZone: 'eu-west-1a',
      BilledCost: billed,
      BillingAccountId: '111111111111',
      BillingAccountName: 'Acme Commerce',
      BillingCurrency: 'USD',
      BillingPeriodEnd: new Date(Date.UTC(2026, 10, 1)),
      BillingPeriodStart: new Date(Date.UTC(2026, 9, 1)),
      ChargeCategory: 'Usage',
      ChargeClass: '',
      ChargeDescription: `${service} usage, line ${i % 997}`,
      ChargeFrequency: 'Usage-Based',
      ChargePeriodEnd: new Date(start + 3_600_000),
      ChargePeriodStart: new Date(start),
      CommitmentDiscountCategory: kind === 1 ? 'Spend' : '',
      CommitmentDiscountId:
        kind === 1
          ? 'arn:aws:savingsplans::111111111111:savingsplan/sp-0001'
          : '',
      CommitmentDiscountName: '',
      CommitmentDiscountStatus: kind === 1 ? 'Used' : '',
      CommitmentDiscountType: kind === 1 ? 'Compute Savings Plan' : '',
      ConsumedQuantity: 1,
      ConsumedUnit: 'Hours',
      ContractedCost: billed,
      ContractedUnitPrice: billed,
      EffectiveCost: Math.round(billed * 0.9 * 1e4) / 1e4,
      InvoiceIssuerName: 'Amazon Web Services, Inc.',
      ListCost: Math.round(billed * 1.1 * 1e4) / 1e4,
      ListUnitPrice: billed,
      PricingCategory: 'Standard',
      PricingQuantity: 1,
      PricingUnit: 'Hours',
      ProviderName: 'AWS',
      PublisherName: 'Amazon Web Services, Inc.',
      RegionId: 'eu-west-1',
      RegionName: 'Europe (Ireland)',
      ResourceId: `arn:aws:ec2:eu-west-1:222222222222:instance/i-${(i % 5000)
        .toString(16)
        .padStart(17, '0')}`,
      ResourceName: `resource-${i % 5000}`,
      ResourceType: 'Instance',
      ServiceCategory: category,
      ServiceName: service,
      SkuId: `SKU${i % 311}`,
      SkuPriceId: `SKU${i % 311}.JRTCKXETXF`,
      SubAccountId: i % 2 ? '222222222222' : '333333333333',
      SubAccountName: i % 2 ? 'acme-prod' : 'acme-staging',
      Tags: tags ? JSON.stringify(tags) : '',
      x_CostCategories: '{}',
      x_Discounts: '{}',
      x_Operation: 'RunInstances',
      x_ServiceCode: 'AmazonEC2',
      x_UsageType: 'EUW1-BoxUsage:m6i.xlarge',
    };
  }
}

const text = (v: string | number | Date) =>
  v instanceof Date ? v.toISOString().replace('.000Z', 'Z') : String(v);

async function writeLines(out: Writable, count: number) {
  out.write(`${FULL_FOCUS_COLUMNS.join(',')}\n`);
  let batch = '';
  let n = 0;
  for (const row of benchmarkRows(count)) {
    batch += `${FULL_FOCUS_COLUMNS.map(c => cell(text(row[c]))).join(',')}\n`;
    if (++n % 2000 === 0) {
      if (!out.write(batch)) await once(out, 'drain');
      batch = '';
    }
  }
  out.end(batch);
  await once(out, 'finish');
}

export async function writeBenchmarkCsv(path: string, count: number) {
  await writeLines(createWriteStream(path), count);
}

export async function gzipFile(from: string, to: string) {
  await pipeline(
    createReadStream(from),
    createGzip({ level: 6 }),
    createWriteStream(to),
  );
}

const COSTS = new Set([
  'BilledCost',
  'EffectiveCost',
  'ListCost',
  'ContractedCost',
  'ContractedUnitPrice',
  'ListUnitPrice',
  'ConsumedQuantity',
  'PricingQuantity',
]);

function columnData(rows: Array<Record<string, string | number | Date>>) {
  return FULL_FOCUS_COLUMNS.map(name => {
    if (COSTS.has(name))
      return {
        name,
        type: 'DOUBLE' as const,
        data: rows.map(r => Number(r[name])),
      };
    if (rows[0][name] instanceof Date)
      return {
        name,
        type: 'TIMESTAMP' as const,
        data: rows.map(r => r[name] as Date),
      };
    return {
      name,
      type: 'STRING' as const,
      data: rows.map(r => String(r[name])),
    };
  });
}

/** The same rows as Parquet (costs DOUBLE, periods TIMESTAMP, the rest STRING), in 100,000-row groups. */
export async function writeBenchmarkParquet(path: string, count: number) {
  const GROUP = 100_000;
  let writer: ParquetWriter | undefined;
  let batch: Array<Record<string, string | number | Date>> = [];
  const flush = async () => {
    const data = columnData(batch);
    writer ??= new ParquetWriter({
      writer: fileWriter(path),
      schema: schemaFromColumnData({ columnData: data }),
    });
    await writer.write({ columnData: data, rowGroupSize: GROUP });
    batch = [];
  };
  for (const row of benchmarkRows(count)) {
    batch.push(row);
    if (batch.length === GROUP) await flush();
  }
  if (batch.length) await flush();
  await writer!.finish();
}
