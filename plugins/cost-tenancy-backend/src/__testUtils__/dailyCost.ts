import { DailyCost } from '../focus/dailyCosts';

/** A day's untagged EC2 cost in USD, with the given changes. */
export function dailyCost(change: Partial<DailyCost>): DailyCost {
  return {
    billingPeriod: '2026-10',
    day: '2026-10-01',
    provider: 'AWS',
    service: 'Amazon EC2',
    category: 'Compute',
    chargeCategory: 'Usage',
    account: '222222222222',
    accountName: null,
    region: 'eu-west-1',
    currency: 'USD',
    teamTag: null,
    environment: null,
    serviceTag: null,
    cluster: null,
    resourceId: null,
    resourceName: null,
    effectiveCost: 100,
    billedCost: 120,
    listCost: 130,
    rowCount: 1,
    ...change,
  };
}
