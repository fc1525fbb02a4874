/** An amount in its currency, as the reader's locale writes money. */
export function formatMoney(
  amount: number,
  currency: string,
  fractionDigits = 2,
): string {
  return new Intl.NumberFormat(undefined, {
    style: 'currency',
    currency,
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(amount);
}

/** A relative change as a signed percentage, or a dash when there was nothing before. */
export function formatChange(change: number | null): string {
  if (change === null) return '–';
  return new Intl.NumberFormat(undefined, {
    style: 'percent',
    signDisplay: 'exceptZero',
    maximumFractionDigits: 1,
  }).format(change);
}

/** A share of a whole (0.25 is 25 %). */
export function formatShare(share: number | null): string {
  if (share === null) return '–';
  return new Intl.NumberFormat(undefined, {
    style: 'percent',
    maximumFractionDigits: 1,
  }).format(share);
}
