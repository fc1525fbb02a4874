import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { mockServices } from '@backstage/backend-test-utils';
import { createTestStore, databases } from '../__testUtils__/costStore';
import { focusCsv } from '../__testUtils__/focusCsv';
import { DEFAULT_TAG_KEYS } from '../focus/dailyCosts';
import { CostStore } from '../store/CostStore';
import { BillingIngestion } from './BillingIngestion';

jest.setTimeout(60_000);

const payments = { team: 'payments', service: 'payments-api' };
const october = [
  { day: '2026-10-01', BilledCost: 10, tags: payments },
  { day: '2026-10-02', BilledCost: 20, tags: payments },
  {
    day: '2026-10-02',
    BilledCost: 5,
    ServiceName: 'Amazon Simple Storage Service',
    tags: { team: 'search' },
  },
];

describe.each(databases.eachSupportedId())(
  'BillingIngestion on %s',
  databaseId => {
    let store: CostStore;
    let folder: string;

    const ingestion = () =>
      new BillingIngestion({
        store,
        reader: mockServices.urlReader.mock(),
        logger: mockServices.logger.mock(),
        sources: [{ name: 'aws', path: folder }],
        tagKeys: DEFAULT_TAG_KEYS,
        maxFileBytes: 1024 * 1024,
        baseDir: '/',
      });
    const write = async (path: string, content: string | Buffer) => {
      await fs.mkdir(join(folder, path, '..'), { recursive: true });
      await fs.writeFile(join(folder, path), content);
    };
    const costs = () =>
      store.dailyCosts({ from: '2026-01-01', to: '2026-12-31' });
    const total = async () =>
      (await costs()).reduce((s, c) => s + c.billedCost, 0);

    beforeEach(async () => {
      store = await createTestStore(databaseId);
      folder = await fs.mkdtemp(join(tmpdir(), 'billing-'));
    });
    afterEach(async () => {
      await fs.rm(folder, { recursive: true, force: true });
    });

    it('ingests partitioned folders and changes nothing when the same export is ingested again', async () => {
      await write('BILLING_PERIOD=2026-10/part-1.csv', focusCsv(october));
      await write(
        'BILLING_PERIOD=2026-10/Manifest.json',
        '{"not":"an export"}',
      );

      await ingestion().runSource({ name: 'aws', path: folder }, 'manual');
      const first = await costs();
      await ingestion().runSource({ name: 'aws', path: folder }, 'manual');

      expect(await costs()).toEqual(first);
      expect(await total()).toBeCloseTo(35, 9);
      const runs = await store.runs();
      expect(runs.map(r => [r.outcome, r.files, r.rows])).toEqual([
        ['succeeded', 1, 3],
        ['succeeded', 1, 3],
      ]);
    });

    it('replaces what a restated export delivered: rows it drops disappear', async () => {
      await write('BILLING_PERIOD=2026-10/part-1.csv', focusCsv(october));
      await ingestion().runSource({ name: 'aws', path: folder }, 'manual');

      await write(
        'BILLING_PERIOD=2026-10/part-1.csv',
        focusCsv([october[0], { ...october[1], BilledCost: 18 }]),
      );
      await ingestion().runSource({ name: 'aws', path: folder }, 'manual');

      expect(await total()).toBeCloseTo(28, 9);
      expect((await costs()).some(c => c.teamTag === 'search')).toBe(false);
    });

    it('counts a correction once, under its charge period, however often its delivery is ingested', async () => {
      await write(
        'BILLING_PERIOD=2026-09/part-1.csv',
        focusCsv([{ day: '2026-09-14', BilledCost: 100, tags: payments }]),
      );
      const correction = {
        day: '2026-09-14',
        BilledCost: -40,
        ChargeClass: 'Correction',
        ChargeCategory: 'Adjustment',
        BillingPeriodStart: '2026-10-01T00:00:00Z',
        BillingPeriodEnd: '2026-11-01T00:00:00Z',
        tags: payments,
      };
      await write(
        'BILLING_PERIOD=2026-10/part-1.csv',
        focusCsv([...october, correction]),
      );

      await ingestion().runSource({ name: 'aws', path: folder }, 'manual');
      await ingestion().runSource({ name: 'aws', path: folder }, 'manual');

      const september = (await costs()).filter(c => c.day === '2026-09-14');
      expect(september.reduce((s, c) => s + c.billedCost, 0)).toBeCloseTo(
        60,
        9,
      );
      expect(september.find(c => c.billedCost < 0)?.billingPeriod).toBe(
        '2026-10',
      );
    });

    it('keeps data of a file that turns malformed exactly as it was, and ingests the other files', async () => {
      await write(
        'BILLING_PERIOD=2026-09/part-1.csv',
        focusCsv([{ day: '2026-09-01', BilledCost: 7, tags: payments }]),
      );
      await write('BILLING_PERIOD=2026-10/part-1.csv', focusCsv(october));
      await ingestion().runSource({ name: 'aws', path: folder }, 'manual');
      const september = (await costs()).filter(c =>
        c.day.startsWith('2026-09'),
      );

      const broken = focusCsv([
        { day: '2026-09-01', BilledCost: 9, tags: payments },
      ]).replace('\n9,', '\nnine,');
      await write('BILLING_PERIOD=2026-09/part-1.csv', broken);
      await write('BILLING_PERIOD=2026-10/part-1.csv', focusCsv([october[0]]));
      await ingestion().runSource({ name: 'aws', path: folder }, 'manual');

      expect((await costs()).filter(c => c.day.startsWith('2026-09'))).toEqual(
        september,
      );
      expect(await total()).toBeCloseTo(17, 9);
      const [run] = await store.runs();
      expect(run).toMatchObject({
        outcome: 'partial',
        files: 2,
        rows: 1,
        rejectedRows: 0,
        error:
          'aws/BILLING_PERIOD=2026-09/part-1.csv:2: BilledCost is not a number: "nine"',
      });
    });

    it('forgets a file the source no longer holds', async () => {
      await write(
        'BILLING_PERIOD=2026-09/part-1.csv',
        focusCsv([{ day: '2026-09-01', BilledCost: 7 }]),
      );
      await write('BILLING_PERIOD=2026-10/part-1.csv', focusCsv(october));
      await ingestion().runSource({ name: 'aws', path: folder }, 'manual');

      await fs.rm(join(folder, 'BILLING_PERIOD=2026-09'), { recursive: true });
      await ingestion().runSource({ name: 'aws', path: folder }, 'manual');

      expect(await total()).toBeCloseTo(35, 9);
    });

    it('reads a URL source through the UrlReader: a folder as a tree, a file by itself', async () => {
      const files = [
        {
          path: 'BILLING_PERIOD=2026-10/part-1.csv.gz',
          content: async () => gzipSync(focusCsv(october)),
        },
        {
          path: 'BILLING_PERIOD=2026-10/manifest.json',
          content: async () => Buffer.from('{}'),
        },
      ];
      const reader = mockServices.urlReader.mock({
        readTree: jest.fn().mockResolvedValue({ files: async () => files }),
        readUrl: jest.fn().mockResolvedValue({
          buffer: async () => Buffer.from(focusCsv([october[0]])),
        }),
      });
      const fromUrls = new BillingIngestion({
        store,
        reader,
        logger: mockServices.logger.mock(),
        sources: [],
        tagKeys: DEFAULT_TAG_KEYS,
        maxFileBytes: 1024 * 1024,
        baseDir: '/',
      });

      await fromUrls.runSource(
        {
          name: 's3',
          url: 'https://acme-billing.s3.eu-west-1.amazonaws.com/focus/',
        },
        'schedule',
      );
      await fromUrls.runSource(
        {
          name: 'single',
          url: 'https://acme-billing.s3.eu-west-1.amazonaws.com/gcp/export.csv',
        },
        'schedule',
      );

      expect(reader.readTree).toHaveBeenCalledWith(
        'https://acme-billing.s3.eu-west-1.amazonaws.com/focus/',
      );
      expect(reader.readUrl).toHaveBeenCalledWith(
        'https://acme-billing.s3.eu-west-1.amazonaws.com/gcp/export.csv',
      );
      expect(await total()).toBeCloseTo(35 + 10, 9);
      expect(
        (await store.runs()).map(r => [r.source, r.outcome, r.files]),
      ).toEqual([
        ['single', 'succeeded', 1],
        ['s3', 'succeeded', 1],
      ]);
    });

    it('records a failed run naming the source when it cannot be read, and keeps its data', async () => {
      await write('BILLING_PERIOD=2026-10/part-1.csv', focusCsv(october));
      await ingestion().runSource({ name: 'aws', path: folder }, 'manual');

      await ingestion().runSource(
        { name: 'aws', path: join(folder, 'missing') },
        'schedule',
      );

      expect(await total()).toBeCloseTo(35, 9);
      const [run] = await store.runs();
      expect(run.outcome).toBe('failed');
      expect(run.trigger).toBe('schedule');
      expect(run.error).toMatch(/^aws: ENOENT: no such file or directory/);
    });
  },
);
