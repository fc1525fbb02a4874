import { parse } from 'csv-parse/sync';
import { csvRecords } from './csvRecords';

async function parseInChunks(text: string, size: number) {
  async function* chunks() {
    for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
  }
  const result: string[][] = [];
  for await (const record of csvRecords(chunks(), 'export.csv')) {
    result.push(record.fields);
  }
  return result;
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

describe('csvRecords', () => {
  it.each(VARIED.map(text => [JSON.stringify(text).slice(0, 50), text]))(
    'reads %s as csv-parse does, whatever the chunk boundaries',
    async (_, text) => {
      const expected = parse(text, {
        bom: true,
        relax_column_count: true,
        skip_empty_lines: true,
      });
      for (const size of [1, 2, 3, 5, 7, 64, 100_000]) {
        expect(await parseInChunks(text, size)).toEqual(expected);
      }
    },
  );

  it('reports the line each record starts on, counting embedded newlines', async () => {
    const lines: number[] = [];
    for await (const record of csvRecords(
      (async function* one() {
        yield 'a,b\n"x\ny",1\n\nz,2\n';
      })(),
      'f.csv',
    )) {
      lines.push(record.line);
    }
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
