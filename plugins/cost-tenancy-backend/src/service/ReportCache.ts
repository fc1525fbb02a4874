/** How long an answer is reused while no ingestion has changed the data. */
const CACHE_MS = 60_000;
const CACHE_ENTRIES = 64;

type Entry = {
  at: number;
  version: number;
  identity: unknown;
  value: Promise<unknown>;
};

/**
 * Answers computed once and shared by concurrent requests, until the data
 * version changes, the identity they were computed for (the loaded teams)
 * changes, or a minute passes. Failed computations are not kept.
 */
export class ReportCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly dataVersion: () => number) {}

  get<T>(
    key: string,
    compute: () => Promise<T>,
    identity?: unknown,
  ): Promise<T> {
    const hit = this.entries.get(key);
    const now = Date.now();
    const version = this.dataVersion();
    if (
      hit &&
      hit.version === version &&
      hit.identity === identity &&
      now - hit.at < CACHE_MS
    ) {
      return hit.value as Promise<T>;
    }
    const value = compute();
    value.catch(() => this.entries.delete(key));
    this.entries.delete(key);
    this.entries.set(key, { at: now, version, identity, value });
    if (this.entries.size > CACHE_ENTRIES) {
      this.entries.delete(this.entries.keys().next().value!);
    }
    return value;
  }
}
