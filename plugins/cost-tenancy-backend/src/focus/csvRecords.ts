/** A problem in a file, with where it is. */
export class FileFormatError extends Error {
  constructor(readonly where: string, readonly problem: string) {
    super(`${where}: ${problem}`);
    this.name = 'FileFormatError';
  }
}

/** One CSV record and the physical line it starts on (1-based). */
export type CsvRecord = { fields: string[]; line: number };

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/**
 * Streams RFC 4180 CSV records out of text chunks: quoted fields with
 * doubled quotes, embedded newlines, CRLF or LF line ends, a leading BOM.
 * Blank lines are skipped. Errors name the file and the line.
 */
export async function* csvRecords(
  chunks: AsyncIterable<string>,
  file: string,
): AsyncGenerator<CsvRecord> {
  let fields: string[] = [];
  let field = '';
  let inQuotes = false;
  let quoted = false; // the current field was quoted and its quote closed
  let line = 1;
  let recordLine = 1;
  let pending = '';
  let first = true;

  const fail = (problem: string): never => {
    throw new FileFormatError(`${file}:${line}`, problem);
  };

  for await (const piece of chunks) {
    let chunk = pending + piece;
    pending = '';
    if (first && chunk.length > 0) {
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
      first = false;
    }
    const records: CsvRecord[] = [];
    let start = 0;
    let i = 0;
    for (; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (inQuotes) {
        if (c === QUOTE) {
          if (i + 1 === chunk.length) break; // decide with the next chunk
          field += chunk.slice(start, i);
          if (chunk.charCodeAt(i + 1) === QUOTE) {
            field += '"';
            i++;
          } else {
            inQuotes = false;
            quoted = true;
          }
          start = i + 1;
        } else if (c === LF) {
          line++;
        }
      } else if (c === COMMA) {
        fields.push(field + chunk.slice(start, i));
        field = '';
        quoted = false;
        start = i + 1;
      } else if (c === LF || c === CR) {
        if (c === CR && i + 1 === chunk.length) break; // CRLF split across chunks
        field += chunk.slice(start, i);
        if (c === CR && chunk.charCodeAt(i + 1) === LF) i++;
        if (fields.length > 0 || field !== '' || quoted) {
          fields.push(field);
          records.push({ fields, line: recordLine });
          fields = [];
        }
        field = '';
        quoted = false;
        line++;
        recordLine = line;
        start = i + 1;
      } else if (quoted) {
        fail('text after the closing quote of a field');
      } else if (c === QUOTE) {
        if (i !== start || field !== '') {
          fail(
            'a quote inside an unquoted field (quote the whole field and double the quote)',
          );
        }
        inQuotes = true;
        start = i + 1;
      }
    }
    field += chunk.slice(start, i);
    pending = chunk.slice(i);
    yield* records;
  }
  if (pending === '"' && inQuotes) {
    inQuotes = false;
    quoted = true;
  } else if (pending) {
    field += pending;
  }
  if (inQuotes) {
    throw new FileFormatError(
      `${file}:${recordLine}`,
      'a quoted field is not closed before the end of the file (is the file truncated?)',
    );
  }
  if (fields.length > 0 || field.replace(/\r$/, '') !== '' || quoted) {
    fields.push(field.replace(/\r$/, ''));
    yield { fields, line: recordLine };
  }
}
