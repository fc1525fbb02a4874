import { CostPoint } from '@internal/plugin-cost-tenancy-common';
import { monthEnd } from '../../lib/period';

/**
 * The month-end cost of the month the daily series ends in, when it ends
 * before the month does: the month so far plus its average day so far for
 * each day left. Undefined when the month is complete or not in the series.
 */
export function monthEndForecast(
  series: CostPoint[],
  lastDay: string,
): number | undefined {
  const month = lastDay.slice(0, 7);
  const end = monthEnd(lastDay);
  if (lastDay >= end) return undefined;
  const days = series.filter(
    p => p.date.length === 10 && p.date.startsWith(month) && p.date <= lastDay,
  );
  if (days.length === 0 || days.length !== Number(lastDay.slice(8, 10)))
    return undefined;
  const soFar = days.reduce((sum, p) => sum + p.amount, 0);
  const remaining = Number(end.slice(8, 10)) - days.length;
  return soFar + (soFar / days.length) * remaining;
}
