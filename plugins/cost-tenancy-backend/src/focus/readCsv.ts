import { FileFormatError } from './FileFormatError';

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/** What a CSV reader tells its caller, record by record. */
export type CsvHandlers = {
  /** The first record; returns which columns later records need (all when undefined). */
  onHeader(fields: string[]): boolean[] | undefined;
  /**
   * A later record: its wanted fields (others are ''), how many fields it
   * had, and the physical line it starts on (1-based). The array is reused
   * for the next record.
   */
  onRecord(fields: string[], count: number, line: number): void;
};

/**
 * Reads RFC 4180 CSV from text chunks: quoted fields with doubled quotes,
 * embedded newlines, CRLF or LF line ends, a leading BOM; blank lines are
 * skipped. Field ends are found with `indexOf` rather than character by
 * character, only the columns the header handler asks for are cut out of
 * the text, and records go to a callback rather than through a generator:
 * that keeps a million-row export fast and its memory flat. Errors name the
 * file and the line.
 */
export async function readCsv(
  chunks: AsyncIterable<string>,
  file: string,
  handlers: CsvHandlers,
): Promise<void> {
  let wanted: boolean[] | undefined;
  let fields: string[] = [];
  let header = true;
  let line = 1;
  let text = '';
  let first = true;
  // Where the next newline and quote are, found once and reused by the fields before them.
  let nextNewline = -1;
  let nextQuote = -1;

  const fail = (at: number, problem: string): never => {
    throw new FileFormatError(`${file}:${at}`, problem);
  };

  /**
   * Reads one record starting at `pos`; returns where the next one starts,
   * or -1 when the text ends before the record does (and more may come).
   */
  const readRecord = (start: number, final: boolean): number => {
    let pos = start;
    let count = 0;
    let lines = 0;
    const end = text.length;
    for (;;) {
      const want = !wanted || wanted[count] === true;
      let value = '';
      let next: number; // index just after the field's delimiter
      let recordEnds = false;
      if (text.charCodeAt(pos) === QUOTE) {
        let close = text.indexOf('"', pos + 1);
        let doubled = false;
        while (close >= 0 && text.charCodeAt(close + 1) === QUOTE) {
          doubled = true;
          close = text.indexOf('"', close + 2);
        }
        if (close < 0 || (close + 1 === end && !final)) {
          if (final) {
            fail(
              line,
              'a quoted field is not closed before the end of the file (is the file truncated?)',
            );
          }
          return -1;
        }
        const inner = text.slice(pos + 1, close);
        for (
          let nl = inner.indexOf('\n');
          nl >= 0;
          nl = inner.indexOf('\n', nl + 1)
        )
          lines++;
        if (want) value = doubled ? inner.replace(/""/g, '"') : inner;
        const after = text.charCodeAt(close + 1);
        if (after === COMMA) {
          next = close + 2;
        } else if (after === LF || after === CR || close + 1 === end) {
          if (after === CR && close + 2 === end && !final) return -1;
          // Past the line end: CRLF, LF or CR, or nothing at the end of the text.
          let lineEnd = close + 1 === end ? 0 : 1;
          if (after === CR && text.charCodeAt(close + 2) === LF) lineEnd = 2;
          next = close + 1 + lineEnd;
          recordEnds = true;
        } else {
          return fail(line + lines, 'text after the closing quote of a field');
        }
      } else {
        if (nextNewline < pos) {
          nextNewline = text.indexOf('\n', pos);
          if (nextNewline < 0) nextNewline = end;
        }
        const nl = nextNewline;
        if (nl === end && !final) return -1;
        const comma = text.indexOf(',', pos);
        let stop: number;
        if (comma >= 0 && comma < nl) {
          stop = comma;
          next = comma + 1;
        } else {
          stop = nl > pos && text.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
          next = nl + 1;
          recordEnds = true;
        }
        if (nextQuote < pos) {
          nextQuote = text.indexOf('"', pos);
          if (nextQuote < 0) nextQuote = end;
        }
        if (nextQuote < stop) {
          fail(
            line + lines,
            'a quote inside an unquoted field (quote the whole field and double the quote)',
          );
        }
        if (want) value = text.slice(pos, stop);
      }
      if (want) fields[count] = value;
      count++;
      pos = next;
      if (recordEnds) break;
    }
    if (header) {
      header = false;
      wanted = handlers.onHeader(fields.slice(0, count));
      fields = new Array(count).fill('');
    } else {
      handlers.onRecord(fields, count, line);
      if (wanted) {
        for (let i = 0; i < fields.length; i++) if (wanted[i]) fields[i] = '';
      } else {
        fields = [];
      }
    }
    line += lines + 1;
    return pos;
  };

  const readRecords = (final: boolean) => {
    let pos = 0;
    nextNewline = -1;
    nextQuote = -1;
    while (pos < text.length) {
      const c = text.charCodeAt(pos);
      if (c === LF || c === CR) {
        // A blank line.
        if (c === CR && pos + 1 === text.length && !final) break;
        pos += c === CR && text.charCodeAt(pos + 1) === LF ? 2 : 1;
        line++;
        continue;
      }
      const next = readRecord(pos, final);
      if (next < 0) break;
      pos = next;
    }
    text = text.slice(pos);
  };

  for await (const chunk of chunks) {
    text += chunk;
    if (first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    readRecords(false);
  }
  readRecords(true);
}
