/** Longer values are decoded each time rather than kept. */
const LONGEST = 64 * 1024;

/**
 * Turns the bytes of a field into a string, handing out the same string
 * object every time the same bytes come back. Billing exports repeat a few
 * values (services, accounts, timestamps, tag sets) on millions of rows: a
 * repeated value is then neither decoded nor hashed again, since V8 keeps a
 * string's hash on the string, and later lookups keyed by it are cheap.
 *
 * Holds at most `capacity` values and `maxBytes` of their bytes; when full
 * it starts over, so a column whose values do not repeat costs bounded memory.
 */
export class ByteInterner {
  private slots: Int32Array;
  private readonly hashes: number[] = [];
  private readonly starts: number[] = [];
  private readonly lengths: number[] = [];
  private readonly values: string[] = [];
  private store = Buffer.alloc(64 * 1024);
  private stored = 0;

  constructor(
    private readonly capacity = 32_768,
    private readonly maxBytes = 8 * 1024 * 1024,
  ) {
    this.slots = new Int32Array(this.slotCount());
  }

  /** The string of `bytes[start, end)`; `decode` makes it the first time. */
  get(
    bytes: Buffer,
    start: number,
    end: number,
    decode: (bytes: Buffer, start: number, end: number) => string,
  ): string {
    const length = end - start;
    if (length > LONGEST) return decode(bytes, start, end);
    let hash = 0x811c9dc5;
    for (let i = start; i < end; i++) {
      hash = Math.imul(hash ^ bytes[i], 0x01000193);
    }
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    for (;;) {
      const entry = this.slots[slot] - 1;
      if (entry < 0) break;
      if (
        this.hashes[entry] === hash &&
        this.lengths[entry] === length &&
        this.sameBytes(entry, bytes, start, length)
      ) {
        return this.values[entry];
      }
      slot = (slot + 1) & mask;
    }
    const value = decode(bytes, start, end);
    if (
      this.values.length >= this.capacity ||
      this.stored + length > this.maxBytes
    ) {
      this.clear();
      slot = hash & mask;
    }
    if (this.stored + length > this.store.length) {
      const bigger = Buffer.alloc(Math.max(this.store.length * 2, length * 2));
      this.store.copy(bigger, 0, 0, this.stored);
      this.store = bigger;
    }
    bytes.copy(this.store, this.stored, start, end);
    this.slots[slot] = this.values.length + 1;
    this.hashes.push(hash);
    this.starts.push(this.stored);
    this.lengths.push(length);
    this.values.push(value);
    this.stored += length;
    return value;
  }

  private sameBytes(
    entry: number,
    bytes: Buffer,
    start: number,
    length: number,
  ) {
    const at = this.starts[entry];
    for (let i = 0; i < length; i++) {
      if (this.store[at + i] !== bytes[start + i]) return false;
    }
    return true;
  }

  private clear() {
    this.slots.fill(0);
    this.hashes.length = 0;
    this.starts.length = 0;
    this.lengths.length = 0;
    this.values.length = 0;
    this.stored = 0;
  }

  /** A power of two at least twice the capacity, so probes stay short. */
  private slotCount() {
    let count = 1;
    while (count < this.capacity * 2) count *= 2;
    return count;
  }
}
