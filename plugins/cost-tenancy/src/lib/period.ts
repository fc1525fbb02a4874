/** The periods the pages offer. */
export const PERIOD_PRESETS = {
  last30: 'Last 30 days',
  last90: 'Last 90 days',
  thisMonth: 'This month',
  lastMonth: 'Last month',
  thisQuarter: 'This quarter',
  custom: 'Custom',
} as const;

export type PeriodPreset = keyof typeof PERIOD_PRESETS;

export type Period = { preset: PeriodPreset; from?: string; to?: string };

const DAY_MS = 86_400_000;
const parse = (day: string) => Date.parse(`${day}T00:00:00Z`);
const format = (ms: number) => new Date(ms).toISOString().slice(0, 10);
export const addDays = (day: string, n: number) =>
  format(parse(day) + n * DAY_MS);

/**
 * The days a preset covers, ending at the last complete day of the data
 * (`anchor`): the API never reports past it, so "this month" is month to date.
 */
export function periodRange(
  period: Period,
  anchor: string,
): { from: string; to: string } {
  const [y, m] = anchor.split('-').map(Number);
  switch (period.preset) {
    case 'last90':
      return { from: addDays(anchor, -89), to: anchor };
    case 'thisMonth':
      return { from: `${anchor.slice(0, 7)}-01`, to: anchor };
    case 'lastMonth': {
      const firstOfThis = Date.UTC(y, m - 1, 1);
      return {
        from: format(Date.UTC(y, m - 2, 1)),
        to: format(firstOfThis - DAY_MS),
      };
    }
    case 'thisQuarter':
      return {
        from: format(Date.UTC(y, Math.floor((m - 1) / 3) * 3, 1)),
        to: anchor,
      };
    case 'custom':
      return {
        from: period.from ?? addDays(anchor, -29),
        to: period.to ?? anchor,
      };
    default:
      return { from: addDays(anchor, -29), to: anchor };
  }
}

/** The last day of the month a day is in. */
export function monthEnd(day: string): string {
  const [y, m] = day.split('-').map(Number);
  return format(Date.UTC(y, m, 1) - DAY_MS);
}
