function hashOf(values: Int32Array, from: number, width: number): number {
  let hash = 0;
  for (let i = from; i < from + width; i++) {
    hash = Math.imul(hash ^ values[i], 0x9e3779b1);
    hash ^= hash >>> 15;
  }
  return hash;
}

/**
 * Numbers each distinct tuple of small integers (of a fixed width) it is
 * shown: an open-addressing hash table over typed arrays, so looking up a
 * row's group costs neither a string key nor an allocation.
 */
export class TupleIndex {
  private keys: Int32Array;
  private slots: Int32Array;
  private size = 0;

  constructor(private readonly width: number) {
    this.keys = new Int32Array(width * 1024);
    this.slots = new Int32Array(2048);
  }

  /** The tuple's number (0, 1, 2, ... in order of first sight). */
  numberOf(tuple: Int32Array): number {
    const width = this.width;
    const mask = this.slots.length - 1;
    let slot = hashOf(tuple, 0, width) & mask;
    for (;;) {
      const entry = this.slots[slot] - 1;
      if (entry < 0) break;
      if (this.equals(entry, tuple)) return entry;
      slot = (slot + 1) & mask;
    }
    const entry = this.size++;
    if (this.keys.length < this.size * width) {
      const keys = new Int32Array(this.keys.length * 2);
      keys.set(this.keys);
      this.keys = keys;
    }
    this.keys.set(tuple, entry * width);
    this.slots[slot] = entry + 1;
    if (this.size * 2 > this.slots.length) this.rehash();
    return entry;
  }

  private equals(entry: number, tuple: Int32Array) {
    const at = entry * this.width;
    for (let i = 0; i < this.width; i++) {
      if (this.keys[at + i] !== tuple[i]) return false;
    }
    return true;
  }

  private rehash() {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    const mask = this.slots.length - 1;
    for (let s = 0; s < old.length; s++) {
      const entry = old[s] - 1;
      if (entry < 0) continue;
      let slot = hashOf(this.keys, entry * this.width, this.width) & mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
      this.slots[slot] = entry + 1;
    }
  }
}
