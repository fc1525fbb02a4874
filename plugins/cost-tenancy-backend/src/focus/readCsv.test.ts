import { parse } from 'csv-parse/sync';
import { CsvRecord } from './CsvRecord';
import { readCsv } from './readCsv';

/** The text's UTF-8 bytes in chunks of `size` bytes (splitting characters too). */
async function* inChunks(text: string | Buffer, size: number) {
  const bytes = Buffer.from(text);
  for (let i = 0; i < bytes.length; i += size)
    yield bytes.subarray(i, i + size);
}

/** Every record, and the line each starts on; `repeating` picks shared columns after the header. */
async function parseInChunks(
  text: string | Buffer,
  size: number,
  repeating?: (header: string[]) => boolean[],
) {
  const records: string[][] = [];
  const lines: number[] = [];
  await readCsv(inChunks(text, size), 'export.csv', {
    onHeader(fields) {
      records.push([...fields]);
      lines.push(1);
      return repeating?.(fields);
    },
    onRecord(record) {
      records.push(
        Array.from({ length: record.count }, (_, i) => record.text(i)),
      );
      lines.push(record.line);
    },
  });
  return Object.assign(records, { lines });
}

const VARIED = [
  'a,b,c\n1,2,3\n',
  'a,b,c\r\n1,2,3\r\n4,5,6',
  '\uFEFFBilledCost,Tags\n1.5,"{""team"":""payments""}"\n',
  'name,note\n"Acme, Inc.","line one\nline two"\n"x","with ""quotes"" inside"\n',
  'a,b\n"",\n,""\n',
  'a,b\r\n"multi\r\nline\r\nfield",2\r\n',
  'a,b\n1,2\n\n3,4\n',
  'a,b,c\n1,,3\n,,\n',
  'h\n"""quoted at start"\n"ends with quote"""\n',
  'a,b\n"€ and ü","日本"\n',
];

/** A seeded pseudo-random generator (mulberry32), so a failure can be replayed. */
function seeded(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  'a',
  'Amazon EC2',
  '12.5',
  ',',
  '"',
  '\n',
  '\r\n',
  '\r',
  ' ',
  '€',
  '日本',
  '{"team":"x"}',
];

/** A CSV document of random fields, quoted where RFC 4180 needs it (and sometimes where not). */
function randomCsv(random: () => number): string {
  const pick = (n: number) => Math.floor(random() * n);
  const width = 1 + pick(5);
  const lineEnd = random() < 0.5 ? '\n' : '\r\n';
  const lines = Array.from({ length: 1 + pick(8) }, () =>
    Array.from({ length: width }, () => {
      const value = Array.from(
        { length: pick(4) },
        () => PIECES[pick(PIECES.length)],
      ).join('');
      const quoted = /[",\r\n]/.test(value) || random() < 0.15;
      return quoted ? `"${value.replace(/"/g, '""')}"` : value;
    }).join(','),
  );
  const bom = random() < 0.2 ? '\uFEFF' : '';
  return bom + lines.join(lineEnd) + (random() < 0.7 ? lineEnd : '');
}

describe('readCsv', () => {
  it.each(VARIED.map(text => [JSON.stringify(text).slice(0, 50), text]))(
    'reads %s as csv-parse does, whatever the chunk boundaries',
    async (_, text) => {
      const expected = parse(text, {
        bom: true,
        relax_column_count: true,
        skip_empty_lines: true,
      });
      for (const size of [1, 2, 3, 5, 7, 64, 100_000]) {
        expect([...(await parseInChunks(text, size))]).toEqual(expected);
      }
    },
  );

  it.each(VARIED.map(text => [JSON.stringify(text).slice(0, 50), text]))(
    'reads %s equal to csv-parse with every column shared',
    async (_, text) => {
      const expected = parse(text, {
        bom: true,
        relax_column_count: true,
        skip_empty_lines: true,
      });
      const all = (header: string[]) => header.map(() => true);
      for (const size of [1, 3, 100_000]) {
        expect([...(await parseInChunks(text, size, all))]).toEqual(expected);
      }
    },
  );

  it('reads 500 random documents as csv-parse does, cut into chunks of random sizes', async () => {
    const random = seeded(20261126);
    for (let i = 0; i < 500; i++) {
      const text = randomCsv(random);
      const expected = parse(text, {
        bom: true,
        relax_column_count: true,
        skip_empty_lines: true,
      });
      const size = 1 + Math.floor(random() * 16);
      expect({ text, records: [...(await parseInChunks(text, size))] }).toEqual(
        { text, records: expected },
      );
    }
  });

  it('reads a record longer than many chunks, quoted or not', async () => {
    const long = 'x'.repeat(300_000);
    const quoted = `"${'y,"" \n'.repeat(50_000)}"`;
    const text = `a,b\n${long},1\n${quoted},2\n3,4\n`;
    const records = await parseInChunks(text, 65_536);
    expect([...records]).toEqual([
      ['a', 'b'],
      [long, '1'],
      ['y," \n'.repeat(50_000), '2'],
      ['3', '4'],
    ]);
    expect(records.lines).toEqual([1, 2, 3, 50_004]);
  });

  it('hands out one string for a repeated value of a shared column, as it is wherever it was quoted', async () => {
    const seen: string[] = [];
    await readCsv(
      inChunks('service,cost\nAmazon EC2,1\n"Amazon EC2",2\nAmazon EC2,3\n', 5),
      'export.csv',
      {
        onHeader: () => [true, false],
        onRecord: record => seen.push(record.text(0)),
      },
    );
    expect(seen).toEqual(['Amazon EC2', 'Amazon EC2', 'Amazon EC2']);
    expect(seen[2]).toBe(seen[0]);
  });

  /** What `read` makes of the first field of a record holding `text`. */
  async function firstFieldOf<T>(text: string, read: (r: CsvRecord) => T) {
    const values: T[] = [];
    await readCsv(inChunks(`field,n\n${text},1\n`, 3), 'export.csv', {
      onHeader: () => undefined,
      onRecord: record => values.push(read(record)),
    });
    return values[0];
  }
  const decimalOf = (text: string) => firstFieldOf(text, r => r.decimal(0));
  const instantOf = (text: string) => firstFieldOf(text, r => r.instant(0));

  it.each(['12.5', '-0.0001', '+3', '54.0994', '.5', '7.', '123456789012345'])(
    'reads %j as exactly the number Number() makes of it, without a string',
    async text => {
      expect(await decimalOf(text)).toBe(Number(text));
    },
  );

  it.each(['0.1234567890123456789', '1e3', '', '-', '1.2.3', ' 4'])(
    'leaves %j to the caller to read from its text',
    async text => {
      expect(await decimalOf(text)).toBeUndefined();
    },
  );

  it.each([
    ['2026-10-01T00:00:00Z', Date.UTC(2026, 9, 1)],
    ['2024-02-29T23:59:59Z', Date.UTC(2024, 1, 29, 23, 59, 59)],
    ['2026-02-31T10:00:00Z', Date.UTC(2026, 1, 31, 10)],
    ['1999-12-31', Date.UTC(1999, 11, 31)],
    ['2100-03-01T00:00:00Z', Date.UTC(2100, 2, 1)],
    ['1969-07-20T20:17:40Z', Date.UTC(1969, 6, 20, 20, 17, 40)],
  ])('reads %j as the instant Date.UTC makes of it', async (text, ms) => {
    expect(await instantOf(text)).toBe(ms);
  });

  it.each([
    '2026-10-01T00:00:00.000Z',
    '2026-10-01T00:00:00+02:00',
    '2026-13-01T00:00:00Z',
    '2026-1-01T00:00:00Z',
    '0099-01-01',
    'yesterday',
  ])('leaves %j to the caller to read from its text', async text => {
    expect(await instantOf(text)).toBeUndefined();
  });

  it('reports the line each record starts on, counting embedded newlines', async () => {
    const { lines } = await parseInChunks('a,b\n"x\ny",1\n\nz,2\n', 3);
    expect(lines).toEqual([1, 2, 5]);
  });

  it.each([
    [
      'a,b\n"open,1\n',
      'export.csv:2: a quoted field is not closed before the end of the file (is the file truncated?)',
    ],
    [
      'a,b\n1,x"y\n',
      'export.csv:2: a quote inside an unquoted field (quote the whole field and double the quote)',
    ],
    ['a,b\n"x"y,1\n', 'export.csv:2: text after the closing quote of a field'],
    [
      Buffer.concat([
        Buffer.from('a,b\n1,2\n"x\ny",'),
        Buffer.from([0xc3, 0x28]),
      ]),
      'export.csv:4: the line is not UTF-8 text',
    ],
    [
      Buffer.concat([Buffer.from('a,b\n1,'), Buffer.from([0xe2, 0x82])]),
      'export.csv:2: the line is not UTF-8 text',
    ],
  ])('fails on %p naming the file and line', async (text, message) => {
    await expect(parseInChunks(text, 4)).rejects.toThrow(message);
  });
});
