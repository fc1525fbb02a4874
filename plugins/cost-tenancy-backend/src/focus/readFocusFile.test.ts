import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { parquetWriteBuffer } from 'hyparquet-writer';
import {
  focusColumnData,
  focusCsv,
  FOCUS_HEADER,
  LineItem,
} from '../__testUtils__/focusCsv';
import { DailyCostAggregator, DEFAULT_TAG_KEYS } from './dailyCosts';
import { ExportFile, readFocusFile } from './readFocusFile';

const file = (name: string, content: string | Buffer): ExportFile => ({
  name,
  size: Buffer.byteLength(content),
  open: async () => Readable.from([Buffer.from(content)]),
});

async function read(name: string, content: string | Buffer, maxBytes = 1e9) {
  const aggregator = new DailyCostAggregator(DEFAULT_TAG_KEYS);
  const result = await readFocusFile(file(name, content), aggregator, {
    maxBytes,
  });
  return {
    ...result,
    costs: aggregator.costs(),
  };
}

const good = focusCsv([
  {
    day: '2026-10-01',
    BilledCost: 12.5,
    EffectiveCost: 10,
    tags: { team: 'Payments', service: 'payments-api', environment: 'prod' },
  },
  {
    day: '2026-10-01',
    BilledCost: 7.5,
    EffectiveCost: 6,
    tags: { team: 'payments', service: 'payments-api', environment: 'prod' },
  },
  {
    day: '2026-10-02',
    BilledCost: -3,
    EffectiveCost: -3,
    ChargeCategory: 'Credit',
  },
]);

describe('readFocusFile', () => {
  it('sums a CSV export per day and dimensions, keeping credits negative', async () => {
    const { rows, costs, fingerprint } = await read('export.csv', good);

    expect(rows).toBe(3);
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(costs).toEqual([
      expect.objectContaining({
        day: '2026-10-01',
        teamTag: 'payments',
        serviceTag: 'payments-api',
        environment: 'prod',
        billedCost: 20,
        effectiveCost: 16,
        rowCount: 2,
        resourceId: null,
      }),
      expect.objectContaining({
        day: '2026-10-02',
        teamTag: null,
        billedCost: -3,
        chargeCategory: 'Credit',
        resourceId: 'arn:aws:rds:eu-west-1:222222222222:db/payments',
      }),
    ]);
  });

  it('reads the same export gzipped, told apart by content rather than name', async () => {
    const plain = await read('export.csv', good);
    const zipped = await read('export.data', gzipSync(good));

    expect(zipped.costs).toEqual(plain.costs);
  });

  describe('Parquet', () => {
    const items: LineItem[] = [
      {
        day: '2026-10-01',
        BilledCost: 12.5,
        EffectiveCost: 10,
        tags: { team: 'payments' },
      },
      {
        day: '2026-10-01',
        BilledCost: 7.5,
        EffectiveCost: 6,
        tags: { team: 'payments' },
      },
      {
        day: '2026-10-02',
        BilledCost: -3,
        EffectiveCost: -3,
        ChargeCategory: 'Credit',
      },
      {
        day: '2026-10-03',
        BilledCost: 4,
        tags: { 'eks:cluster-name': 'prod' },
      },
    ];
    const parquet = (rows: LineItem[], rowGroupSize = 2, offsetIndex = true) =>
      Buffer.from(
        parquetWriteBuffer({
          columnData: focusColumnData(rows).map(column => ({
            ...column,
            offsetIndex,
          })),
          rowGroupSize,
          // hyparquet-writer writes a page index only for chunks of several pages.
          pageSize: offsetIndex ? 16 : undefined,
        }),
      );

    it.each([
      ['with', true],
      ['without', false],
    ])(
      'reads a Parquet export %s a page index, row group by row group, to the same sums as its CSV',
      async (_, offsetIndex) => {
        const fromParquet = await read(
          'export.parquet',
          parquet(items, 3, offsetIndex),
        );
        const fromCsv = await read('export.csv', focusCsv(items));

        expect(fromParquet.rows).toBe(4);
        expect(fromParquet.costs).toEqual(fromCsv.costs);
      },
    );

    it('fails a truncated Parquet file', async () => {
      const whole = parquet(items);
      await expect(
        read('cut.parquet', whole.subarray(0, whole.length - 30)),
      ).rejects.toThrow(
        /^cut\.parquet: not a complete Parquet file \(.+\); is it truncated\?$/,
      );
    });

    it('names the row group and row of a bad value', async () => {
      const columns = focusColumnData(items).map(c =>
        c.name === 'BilledCost'
          ? { name: c.name, type: 'STRING', data: ['1', '2', 'abc', '4'] }
          : c,
      );
      const buffer = Buffer.from(
        parquetWriteBuffer({ columnData: columns as any, rowGroupSize: 2 }),
      );
      await expect(read('bad.parquet', buffer)).rejects.toThrow(
        'bad.parquet: row group 2, row 1: BilledCost is not a number: "abc"',
      );
    });

    it('fails a Parquet file without the FOCUS columns', async () => {
      const buffer = Buffer.from(
        parquetWriteBuffer({
          columnData: [{ name: 'cost', type: 'DOUBLE', data: [1] }],
        }),
      );
      await expect(read('other.parquet', buffer)).rejects.toThrow(
        'other.parquet:1: the header is not a FOCUS header: missing columns BilledCost',
      );
    });
  });

  it('spreads a charge period of several days over its days', async () => {
    const { costs } = await read(
      'monthly.csv',
      focusCsv([
        {
          day: '2026-10-01',
          BilledCost: 31,
          ChargePeriodEnd: '2026-11-01T00:00:00Z',
        },
      ]),
    );

    expect(costs).toHaveLength(31);
    expect(costs.every(c => Math.abs(c.billedCost - 1) < 1e-9)).toBe(true);
    expect(costs.reduce((s, c) => s + c.rowCount, 0)).toBe(1);
  });

  it('accepts FOCUS 1.3 ServiceProviderName and ignores unknown x_ columns', async () => {
    const header = FOCUS_HEADER.map(c =>
      c === 'ProviderName' ? 'ServiceProviderName' : c,
    );
    const text = focusCsv([{ ServiceProviderName: 'Microsoft' }], header);
    const { costs } = await read('azure.csv', text);
    expect(costs[0].provider).toBe('Microsoft');
  });

  it('names node cost by the cluster its tags name', async () => {
    const { costs } = await read(
      'nodes.csv',
      focusCsv([
        { tags: { 'kubernetes.io/cluster/prod-eu-cluster': 'owned' } },
        { tags: { 'eks:cluster-name': 'staging-eu-cluster' } },
        { tags: { 'goog-k8s-cluster-name': 'gke-analytics' } },
      ]),
    );
    expect(costs.map(c => c.cluster).sort()).toEqual([
      'gke-analytics',
      'prod-eu-cluster',
      'staging-eu-cluster',
    ]);
  });

  const lines = good.split('\n');
  const replaceLine = (n: number, text: string) =>
    [...lines.slice(0, n - 1), text, ...lines.slice(n)].join('\n');

  it.each([
    [
      'a bad header',
      'Cost,Currency\n1,USD\n',
      'bad.csv:1: the header is not a FOCUS header: missing columns BilledCost, EffectiveCost, BillingCurrency, BillingPeriodStart, BillingPeriodEnd, ChargePeriodStart, ChargePeriodEnd, ChargeCategory, ServiceName, ProviderName (or ServiceProviderName)',
    ],
    [
      'a wrong column count',
      replaceLine(3, '1,2,3'),
      'bad.csv:3: 3 fields where the header has 20',
    ],
    ['an unparseable number', good.replace('12.5,', '12,5x,'), 'bad.csv:2:'],
    [
      'an unparseable cost',
      good.replace('7.5,', 'seven,'),
      'bad.csv:3: BilledCost is not a number: "seven"',
    ],
    [
      'an unparseable date',
      good.replace('2026-10-02T00:00:00Z,2026-10-03', 'yesterday,2026-10-03'),
      'bad.csv:4: ChargePeriodStart is not a date and time: "yesterday"',
    ],
    [
      'an end before the start',
      good.replace(
        '2026-10-02T00:00:00Z,2026-10-03T00:00:00Z',
        '2026-10-02T00:00:00Z,2026-10-01T00:00:00Z',
      ),
      'bad.csv:4: ChargePeriodEnd 2026-10-01T00:00:00Z is before ChargePeriodStart 2026-10-02T00:00:00Z',
    ],
    ['a 0-byte file', '', 'bad.csv: the file is empty (0 bytes)'],
    [
      'Tags that are not JSON',
      good.replace('"{""team"":""Payments""', '"{team:Payments'),
      'bad.csv:2: Tags is not a JSON object',
    ],
    [
      'a currency that is no code',
      good.replace(',USD,', ',dollars,'),
      'bad.csv:2: BillingCurrency is not an ISO 4217 code: "dollars"',
    ],
  ])(
    'fails a file with %s, naming file, line and problem',
    async (_, content, message) => {
      await expect(read('bad.csv', content as string)).rejects.toThrow(message);
    },
  );

  it('reads a file with a header and no line items as no cost', async () => {
    await expect(
      read('empty-month.csv', `${FOCUS_HEADER.join(',')}\n`),
    ).resolves.toMatchObject({ rows: 0, costs: [] });
  });

  it('fails a truncated gzip file', async () => {
    const zipped = gzipSync(good);
    await expect(
      read('cut.csv.gz', zipped.subarray(0, zipped.length - 12)),
    ).rejects.toThrow(
      /^cut\.csv\.gz: the gzip stream is damaged or truncated \(unexpected end of file\)$/,
    );
  });

  it('fails a file over the size cap before reading it, and one that grows past it while read', async () => {
    await expect(read('big.csv', good, 100)).rejects.toThrow(
      `big.csv: the file is ${Buffer.byteLength(
        good,
      )} bytes, over the size cap of 100 bytes (costTenancy.billing.maxFileSizeMiB)`,
    );
    const unknownSize: ExportFile = {
      name: 'stream.csv',
      open: async () => Readable.from([Buffer.from(good)]),
    };
    await expect(
      readFocusFile(unknownSize, new DailyCostAggregator(DEFAULT_TAG_KEYS), {
        maxBytes: 100,
      }),
    ).rejects.toThrow(
      'stream.csv: the file is over the size cap of 100 bytes (costTenancy.billing.maxFileSizeMiB)',
    );
  });
});
