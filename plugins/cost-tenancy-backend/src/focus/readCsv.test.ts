import { parse } from 'csv-parse/sync';
import { readCsv } from './readCsv';

async function* inChunks(text: string, size: number) {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

/** Every record, and the line each starts on; `wanted` picks columns after the header. */
async function parseInChunks(
  text: string,
  size: number,
  wanted?: (header: string[]) => boolean[],
) {
  const records: string[][] = [];
  const lines: number[] = [];
  await readCsv(inChunks(text, size), 'export.csv', {
    onHeader(fields) {
      records.push([...fields]);
      lines.push(1);
      return wanted?.(fields);
    },
    onRecord(fields, count, line) {
      records.push(fields.slice(0, count));
      lines.push(line);
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
    'cuts out only the wanted columns of %s, equal to csv-parse',
    async (_, text) => {
      const expected: string[][] = parse(text, {
        bom: true,
        relax_column_count: true,
        skip_empty_lines: true,
      });
      const keepLast = (header: string[]) =>
        header.map((__, i) => i === header.length - 1);
      for (const size of [1, 3, 100_000]) {
        const records = await parseInChunks(text, size, keepLast);
        records.slice(1).forEach((record, r) => {
          const row = expected[r + 1];
          const last = expected[0].length - 1;
          expect(record[last] ?? '').toBe(row[last] ?? '');
          expect(record.filter((v, i) => i !== last && v !== '')).toEqual([]);
        });
      }
    },
  );

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
  ])('fails on %j naming the file and line', async (text, message) => {
    await expect(parseInChunks(text, 4)).rejects.toThrow(message);
  });
});
