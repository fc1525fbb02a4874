import { ByteInterner } from './ByteInterner';

/** 10^0 .. 10^15, exact as doubles. */
const POWERS_OF_TEN = Array.from({ length: 16 }, (_, i) => 10 ** i);

const DAY_MS = 86_400_000;
const DASH = 45;
const COLON = 58;
const LETTER_T = 84;
const LETTER_Z = 90;

/** The number `count` ASCII digits at `at` spell, or -1. */
function digitsAt(bytes: Buffer, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const digit = bytes[i] - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * Days from 1970-01-01 to a date of the proleptic Gregorian calendar
 * (Howard Hinnant's days_from_civil); like `Date.UTC`, a day past the end
 * of its month runs into the next.
 */
function daysSinceEpoch(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear =
    Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 +
    Math.floor(yearOfEra / 4) -
    Math.floor(yearOfEra / 100) +
    dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

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

  /**
   * The field as milliseconds since the epoch when it is an ISO 8601 UTC
   * time of the form `2026-10-01T00:00:00Z` or a date `2026-10-01`, as
   * FOCUS exports write them (the same value `Date.UTC` gives, without
   * making a string); undefined leaves other forms to the caller.
   */
  instant(column: number): number | undefined {
    if (column < 0 || column >= this.count) return undefined;
    const bytes = this.bytes;
    const at = this.starts[column];
    const length = this.ends[column] - at;
    if (length !== 20 && length !== 10) return undefined;
    const year = digitsAt(bytes, at, 4);
    const month = digitsAt(bytes, at + 5, 2);
    const day = digitsAt(bytes, at + 8, 2);
    if (
      bytes[at + 4] !== DASH ||
      bytes[at + 7] !== DASH ||
      year < 1000 ||
      month < 1 ||
      month > 12 ||
      day < 1 ||
      day > 31
    ) {
      return undefined;
    }
    const days = daysSinceEpoch(year, month, day);
    if (length === 10) return days * DAY_MS;
    const hour = digitsAt(bytes, at + 11, 2);
    const minute = digitsAt(bytes, at + 14, 2);
    const second = digitsAt(bytes, at + 17, 2);
    if (
      bytes[at + 10] !== LETTER_T ||
      bytes[at + 13] !== COLON ||
      bytes[at + 16] !== COLON ||
      bytes[at + 19] !== LETTER_Z ||
      hour < 0 ||
      minute < 0 ||
      second < 0
    ) {
      return undefined;
    }
    return days * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000;
  }
}
