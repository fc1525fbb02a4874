import { useCallback, useMemo, useState } from 'react';
import { Period, periodRange } from './period';

/**
 * The period a page shows. Until the first answer says which day is the
 * last complete one (`anchorTo`), the API's own default, the last 30
 * complete days, is asked for; presets then count back from that day.
 */
export function useCostPeriod(initial: Period = { preset: 'last30' }) {
  const [period, setPeriod] = useState<Period>(initial);
  const [anchor, setAnchor] = useState<string | undefined>();
  const range = useMemo(
    (): { from?: string; to?: string } =>
      anchor ? periodRange(period, anchor) : {},
    [anchor, period],
  );
  const anchorTo = useCallback((completeThrough: string | null | undefined) => {
    if (completeThrough) setAnchor(current => current ?? completeThrough);
  }, []);
  return { period, setPeriod, anchor, range, anchorTo };
}
