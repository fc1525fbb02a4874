import { DependencyList, useEffect } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { useCostPeriod } from './useCostPeriod';

/**
 * Loads a cost report for the period the page shows, again whenever the
 * period or `deps` change, and anchors the period presets to the report's
 * last complete day.
 */
export function useCostReport<T extends { completeThrough: string | null }>(
  load: (range: { from?: string; to?: string }) => Promise<T>,
  deps: DependencyList,
) {
  const period = useCostPeriod();
  const { range, anchorTo } = period;
  const report = useAsync(
    () => load(range),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [...deps, range.from, range.to],
  );
  useEffect(
    () => anchorTo(report.value?.completeThrough),
    [report.value, anchorTo],
  );
  return { ...period, report };
}
