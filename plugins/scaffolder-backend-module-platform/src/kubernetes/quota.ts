/** What a tenant namespace may use in total, per environment. */
export type NamespaceQuota = {
  /** CPU cores that pods may request. */
  cpu: number;
  /** Memory in GiB that pods may request. */
  memoryGiB: number;
  pods: number;
  persistentVolumeClaims: number;
};

export const quotaSizes = {
  small: { cpu: 2, memoryGiB: 4, pods: 20, persistentVolumeClaims: 2 },
  medium: { cpu: 4, memoryGiB: 8, pods: 40, persistentVolumeClaims: 5 },
  large: { cpu: 8, memoryGiB: 16, pods: 80, persistentVolumeClaims: 10 },
} satisfies Record<string, NamespaceQuota>;

export type QuotaSize = keyof typeof quotaSizes;
export const quotaSizeNames = Object.keys(quotaSizes) as [
  QuotaSize,
  ...QuotaSize[],
];

/** Unit prices the monthly estimate is computed from (backend config). */
export type UnitPrices = {
  cpuHour: number;
  gibHour: number;
  currency: string;
};

/** Hours in an average month (365 * 24 / 12). */
const HOURS_PER_MONTH = 730;

/**
 * The monthly cost of holding the quota's CPU and memory requests, in each
 * environment and in total, rounded to cents.
 */
export function estimateMonthlyCost(options: {
  quota: NamespaceQuota;
  environments: string[];
  prices: UnitPrices;
}) {
  const { quota, environments, prices } = options;
  const perEnvironment =
    Math.round(
      (quota.cpu * prices.cpuHour + quota.memoryGiB * prices.gibHour) *
        HOURS_PER_MONTH *
        100,
    ) / 100;
  return {
    currency: prices.currency,
    perEnvironment,
    total: Math.round(perEnvironment * environments.length * 100) / 100,
  };
}
