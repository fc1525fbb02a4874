import {
  BreakdownDimension,
  Granularity,
  ReportScope,
  TeamCostResponse,
} from '@internal/plugin-cost-tenancy-common';
import { AllocatedCost, Allocation } from '../allocation/allocateCosts';
import { addDays } from './period';

/** Amounts as the API gives them: six decimals. */
export const round = (n: number) => Math.round(n * 1e6) / 1e6;

export const sum = (pieces: AllocatedCost[]) =>
  pieces.reduce((total, p) => total + p.amount, 0);

/** Cost per day or month of the scope, with the days or months of no cost as 0. */
export function series(
  pieces: AllocatedCost[],
  scope: ReportScope,
  granularity: Granularity,
) {
  const buckets = new Map<string, number>();
  for (let day = scope.from; day <= scope.to; day = addDays(day, 1)) {
    buckets.set(granularity === 'day' ? day : day.slice(0, 7), 0);
  }
  for (const p of pieces) {
    const key = granularity === 'day' ? p.day : p.day.slice(0, 7);
    buckets.set(key, (buckets.get(key) ?? 0) + p.amount);
  }
  return [...buckets].map(([date, amount]) => ({
    date,
    amount: round(amount),
  }));
}

/** Cost by one dimension, biggest first; pieces without the dimension under "(none)". */
/** How a piece is named in a breakdown: an account by its name and id. */
function labelOf(p: AllocatedCost, groupBy: BreakdownDimension): string {
  if (groupBy === 'account' && p.accountName) {
    return `${p.accountName} (${p.account})`;
  }
  return (p[groupBy] as string | null) || '(none)';
}

export function breakdown(
  pieces: AllocatedCost[],
  groupBy: BreakdownDimension,
) {
  const totals = new Map<string, number>();
  for (const p of pieces) {
    const key = labelOf(p, groupBy);
    totals.set(key, (totals.get(key) ?? 0) + p.amount);
  }
  return [...totals]
    .map(([key, amount]) => ({ key, amount: round(amount) }))
    .sort((a, b) => b.amount - a.amount);
}

/** Which cluster sample stood in for which days of the period. */
export function samplesUsed(allocation: Allocation, from: string) {
  const result: TeamCostResponse['clusterSamples'] = [];
  for (const [cluster, used] of allocation.samplesUsed) {
    for (const [sampleDay, days] of used) {
      const forDays = [...days]
        .filter(d => d >= from && d !== sampleDay)
        .sort();
      if (forDays.length) result.push({ cluster, sampleDay, forDays });
    }
  }
  return result;
}
