import { isUtf8 } from 'node:buffer';
import { ByteInterner } from './ByteInterner';
import { CsvRecord } from './CsvRecord';
import { FileFormatError } from './FileFormatError';

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** Bytes that end an unquoted field, or must not be in one. */
const STOPS = new Uint8Array(256);
STOPS[COMMA] = 1;
STOPS[LF] = 1;
STOPS[QUOTE] = 1;

/** What a CSV reader tells its caller, record by record. */
export type CsvHandlers = {
  /**
   * The first record; returns which columns repeat a few values over
   * many records (their values are then decoded once and shared).
   */
  onHeader(fields: string[]): boolean[] | undefined;
  /** A later record; the record object is reused for the next one. */
  onRecord(record: CsvRecord): void;
};

/**
 * How many bytes at the end of `bytes` start a UTF-8 character that
 * continues in the next chunk (0 to 3).
 */
function incompleteTail(bytes: Buffer, end: number): number {
  for (let back = 1; back <= 3 && back <= end; back++) {
    const byte = bytes[end - back];
    if ((byte & 0xc0) !== 0x80) {
      let needed = 1;
      if (byte >= 0xf0) needed = 4;
      else if (byte >= 0xe0) needed = 3;
      else if (byte >= 0xc0) needed = 2;
      return needed > back ? back : 0;
    }
  }
  return 0;
}

class CsvReader {
  private readonly record = new CsvRecord();
  private header = true;
  private line = 1;
  private first = true;
  /** The bytes not read yet: the start of `work`. */
  private bytes = Buffer.alloc(0);
  /**
   * Holds the unread bytes and the next chunk; reused, so reading a file
   * allocates no buffer per chunk (garbage buffers outside V8's heap are
   * collected late and raise the peak memory).
   */
  private work = Buffer.alloc(0);
  /** Leading bytes of `bytes` known to be UTF-8. */
  private checked = 0;

  constructor(
    private readonly file: string,
    private readonly handlers: CsvHandlers,
  ) {}

  push(chunk: Buffer, final: boolean) {
    // The unread bytes stay at the start of `work`; the chunk goes after them.
    const held = this.bytes.length;
    const length = held + chunk.length;
    if (length > this.work.length) {
      const grown = Buffer.allocUnsafe(Math.max(length, 2 * this.work.length));
      this.work.copy(grown, 0, 0, held);
      this.work = grown;
    }
    chunk.copy(this.work, held);
    let bytes = this.work.subarray(0, length);
    if (this.first) {
      if (
        !final &&
        length < BOM.length &&
        BOM.subarray(0, length).equals(bytes)
      ) {
        this.bytes = bytes;
        return;
      }
      if (bytes.subarray(0, BOM.length).equals(BOM)) {
        bytes.copy(bytes, 0, BOM.length);
        bytes = bytes.subarray(0, length - BOM.length);
      }
      this.first = false;
    }
    this.bytes = bytes;
    const tail = incompleteTail(bytes, bytes.length);
    if (final && tail > 0) this.notUtf8(bytes.length);
    const valid = bytes.length - tail;
    if (!isUtf8(bytes.subarray(this.checked, valid))) this.notUtf8(valid);
    this.checked = valid;
    const used = this.readRecords(final ? bytes.length : valid, final);
    bytes.copy(this.work, 0, used);
    this.bytes = this.work.subarray(0, bytes.length - used);
    this.checked -= used;
  }

  private fail(line: number, problem: string): never {
    throw new FileFormatError(`${this.file}:${line}`, problem);
  }

  /** Names the first line, from the unread bytes on, that is not UTF-8. */
  private notUtf8(end: number): never {
    const bytes = this.bytes;
    let line = this.line;
    for (let start = 0; start < end; line++) {
      let stop = bytes.indexOf(LF, start);
      if (stop < 0 || stop > end) stop = end;
      if (!isUtf8(bytes.subarray(start, stop))) break;
      start = stop + 1;
    }
    return this.fail(line, 'the line is not UTF-8 text');
  }

  /** Reads the complete records in `bytes[0, end)`; returns where the rest starts. */
  private readRecords(end: number, final: boolean): number {
    const bytes = this.bytes;
    let pos = 0;
    while (pos < end) {
      const c = bytes[pos];
      if (c === LF || c === CR) {
        // A blank line.
        if (c === CR && pos + 1 === end && !final) break;
        pos += c === CR && bytes[pos + 1] === LF ? 2 : 1;
        this.line++;
        continue;
      }
      const next = this.readRecord(pos, end, final);
      if (next < 0) break;
      pos = next;
    }
    return pos;
  }

  /**
   * Reads one record starting at `pos`; returns where the next one starts,
   * or -1 when the bytes end before the record does (and more may come).
   */
  private readRecord(start: number, end: number, final: boolean): number {
    const bytes = this.bytes;
    const record = this.record;
    let pos = start;
    let count = 0;
    let lines = 0;
    for (;;) {
      if (count === record.starts.length) record.grow();
      if (bytes[pos] === QUOTE) {
        let i = pos + 1;
        let escaped = 0;
        for (;;) {
          if (i >= end) {
            if (final) {
              this.fail(
                this.line,
                'a quoted field is not closed before the end of the file (is the file truncated?)',
              );
            }
            return -1;
          }
          const b = bytes[i];
          if (b === QUOTE) {
            if (i + 1 >= end && !final) return -1;
            if (bytes[i + 1] !== QUOTE) break;
            escaped = 1;
            i += 2;
          } else {
            if (b === LF) lines++;
            i++;
          }
        }
        record.starts[count] = pos + 1;
        record.ends[count] = i;
        record.escaped[count] = escaped;
        count++;
        pos = i + 1;
        if (pos >= end) break;
        const after = bytes[pos];
        if (after === COMMA) {
          pos++;
          continue;
        }
        if (after === LF) {
          pos++;
          break;
        }
        if (after === CR) {
          if (pos + 1 >= end && !final) return -1;
          pos += bytes[pos + 1] === LF ? 2 : 1;
          break;
        }
        this.fail(this.line + lines, 'text after the closing quote of a field');
      }
      // An unquoted field.
      let i = pos;
      while (i < end && STOPS[bytes[i]] === 0) i++;
      if (i < end && bytes[i] === QUOTE) {
        this.fail(
          this.line + lines,
          'a quote inside an unquoted field (quote the whole field and double the quote)',
        );
      }
      if (i >= end && !final) return -1;
      record.starts[count] = pos;
      record.escaped[count] = 0;
      count++;
      if (i < end && bytes[i] === COMMA) {
        record.ends[count - 1] = i;
        pos = i + 1;
        continue;
      }
      // A line end, or the end of the file.
      record.ends[count - 1] = i > pos && bytes[i - 1] === CR ? i - 1 : i;
      pos = i + 1;
      break;
    }
    record.bytes = bytes;
    record.count = count;
    record.line = this.line;
    if (this.header) {
      this.header = false;
      const fields = Array.from({ length: count }, (_, i) => record.text(i));
      record.repeating(
        this.handlers
          .onHeader(fields)
          ?.map(r => (r ? new ByteInterner() : undefined)) ?? [],
      );
    } else {
      this.handlers.onRecord(record);
    }
    this.line += lines + 1;
    return Math.min(pos, end);
  }
}

/**
 * Reads RFC 4180 CSV from UTF-8 byte chunks: quoted fields with doubled
 * quotes, embedded newlines, CRLF or LF line ends, a leading BOM; blank
 * lines are skipped. It works on the bytes, finding field ends with a
 * table lookup per byte, and makes strings only for the fields its caller
 * reads: a million-row export is read without decoding it whole, and with
 * flat memory. Errors name the file and the line.
 */
export async function readCsv(
  chunks: AsyncIterable<Buffer>,
  file: string,
  handlers: CsvHandlers,
): Promise<void> {
  const reader = new CsvReader(file, handlers);
  for await (const chunk of chunks) reader.push(chunk, false);
  reader.push(Buffer.alloc(0), true);
}
