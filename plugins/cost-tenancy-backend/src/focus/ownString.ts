/**
 * A copy of a string that does not point into the text it was cut from.
 * V8 keeps a whole read chunk alive for as long as any slice of it lives, so
 * values kept beyond a row (sums, caches) are copied once, when first kept.
 */
export function ownString(value: string): string;
export function ownString(value: string | null): string | null;
export function ownString(value: string | null): string | null {
  return value === null || value.length === 0
    ? value
    : Buffer.from(value, 'utf8').toString('utf8');
}
