import { InputError } from '@backstage/errors';

const DAY_MS = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS)
    .toISOString()
    .slice(0, 10);

export const daysBetween = (from: string, to: string) =>
  Math.round(
    (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS,
  ) + 1;

/**
 * The last day all sources have complete data for: a source's latest day
 * may still grow, so it counts only once its month is over.
 */
export function completeThrough(
  latestDays: Array<{ day: string }>,
  today: string,
): string | null {
  if (latestDays.length === 0) return null;
  const complete = latestDays.map(({ day }) => {
    const monthOver =
      addDays(day, 1).slice(0, 7) !== day.slice(0, 7) && day < today;
    return monthOver ? day : addDays(day, -1);
  });
  return complete.sort()[0];
}

function checkDate(value: unknown, field: string): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (
    typeof value !== 'string' ||
    !DATE.test(value) ||
    Number.isNaN(Date.parse(value))
  ) {
    throw new InputError(
      `${field}: must be a date as YYYY-MM-DD, got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

/**
 * The period a request asks for: `to` defaults to, and never passes, the
 * last complete day; `from` defaults to 30 days before `to`.
 */
export function requestedPeriod(
  query: { from?: unknown; to?: unknown },
  complete: string | null,
): { from: string; to: string } {
  const from = checkDate(query.from, 'from');
  let to = checkDate(query.to, 'to');
  const last = complete ?? new Date().toISOString().slice(0, 10);
  if (!to || to > last) to = last;
  const start = from ?? addDays(to, -29);
  if (start > to) {
    throw new InputError(
      `from: ${start} is after to (${to}, the last complete day or the requested end)`,
    );
  }
  if (daysBetween(start, to) > 731) {
    throw new InputError('from: a period can be at most two years long');
  }
  return { from: start, to };
}
