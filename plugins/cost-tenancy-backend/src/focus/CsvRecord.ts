import { ByteInterner } from './ByteInterner';

/** 10^0 .. 10^15, exact as doubles. */
const POWERS_OF_TEN = Array.from({ length: 16 }, (_, i) => 10 ** i);

function decodePlain(bytes: Buffer, start: number, end: number): string {
  return bytes.toString('utf8', start, end);
}

function decodeEscaped(bytes: Buffer, start: number, end: number): string {
  return bytes.toString('utf8', start, end).replace(/""/g, '"');
}

/**
 * One CSV record as where its fields are in the bytes read; fields become
 * strings (or numbers) only when asked for. Valid until the reader moves to
 * the next record; the strings it hands out stay valid.
 */
export class CsvRecord {
  /** How many fields the record has. */
  count = 0;
  /** The physical line the record starts on (1-based). */
  line = 0;
  bytes: Buffer = Buffer.alloc(0);
  starts = new Int32Array(64);
  ends = new Int32Array(64);
  /** 1 where a quoted field holds doubled quotes. */
  escaped = new Uint8Array(64);
  private interners: (ByteInterner | undefined)[] = [];

  /** Shares the strings of the columns with an interner (values that repeat). */
  repeating(interners: (ByteInterner | undefined)[]) {
    this.interners = interners;
  }

  grow() {
    const size = this.starts.length * 2;
    const grown = <T extends Int32Array | Uint8Array>(from: T, to: T) => {
      to.set(from);
      return to;
    };
    this.starts = grown(this.starts, new Int32Array(size));
    this.ends = grown(this.ends, new Int32Array(size));
    this.escaped = grown(this.escaped, new Uint8Array(size));
  }

  /** The field's text; '' for a field the record does not have. */
  text(column: number): string {
    if (column < 0 || column >= this.count) return '';
    const start = this.starts[column];
    const end = this.ends[column];
    if (start === end) return '';
    const decode = this.escaped[column] === 1 ? decodeEscaped : decodePlain;
    const interner = this.interners[column];
    return interner
      ? interner.get(this.bytes, start, end, decode)
      : decode(this.bytes, start, end);
  }

  /**
   * The field as a number when it is a plain decimal of at most 15 digits
   * (`-12.5`, `0.000123`): exactly what `Number(text)` gives, without making
   * a string. Anything else, even a valid number, is left to the caller
   * (undefined).
   */
  decimal(column: number): number | undefined {
    if (column < 0 || column >= this.count) return undefined;
    const bytes = this.bytes;
    const end = this.ends[column];
    let i = this.starts[column];
    const negative = bytes[i] === 45; // -
    if (negative || bytes[i] === 43) i++; // +
    let mantissa = 0;
    let digits = 0;
    let fractionDigits = -1;
    for (; i < end; i++) {
      const digit = bytes[i] - 48;
      if (digit >= 0 && digit <= 9) {
        mantissa = mantissa * 10 + digit;
        digits++;
        if (fractionDigits >= 0) fractionDigits++;
      } else if (digit === -2 && fractionDigits < 0) {
        fractionDigits = 0; // .
      } else {
        return undefined;
      }
    }
    if (digits === 0 || digits > 15) return undefined;
    // An integer below 2^53 divided by an exact power of ten is correctly
    // rounded, as parsing the decimal is.
    const value =
      fractionDigits > 0 ? mantissa / POWERS_OF_TEN[fractionDigits] : mantissa;
    return negative ? -value : value;
  }
}
