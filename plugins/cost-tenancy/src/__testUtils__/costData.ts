import {
  TeamCostResponse,
  TeamsResponse,
  TeamTenancyResponse,
} from '@internal/plugin-cost-tenancy-common';
import { CostTenancyApi } from '../api/CostTenancyApi';

const scope = {
  from: '2026-10-01',
  to: '2026-10-31',
  currency: 'USD',
  measure: 'EffectiveCost' as const,
  completeThrough: '2026-11-24',
  unconverted: [],
};

export const teamsResponse: TeamsResponse = {
  ...scope,
  teams: [
    {
      entityRef: 'group:default/search',
      name: 'search',
      title: 'Search',
      parentRef: 'group:default/engineering',
      total: 2609.15,
      previousTotal: 2577.73,
      change: 0.012189,
      monthlyBudget: 2800,
      budgetUse: 0.9143,
    },
    {
      entityRef: 'group:default/engineering',
      name: 'engineering',
      title: 'Engineering',
      parentRef: 'group:default/acme',
      total: 4778.53,
      previousTotal: 4725.49,
      change: 0.0112,
      monthlyBudget: 13000,
      budgetUse: 0.3607,
    },
    {
      entityRef: 'group:default/payments',
      name: 'payments',
      title: 'Payments',
      parentRef: 'group:default/engineering',
      total: 2169.38,
      previousTotal: 2147.76,
      change: -0.010065,
      monthlyBudget: null,
      budgetUse: null,
    },
  ],
};

export const teamCostResponse: TeamCostResponse = {
  ...scope,
  team: { entityRef: 'group:default/payments', title: 'Payments' },
  granularity: 'day',
  groupBy: 'service',
  total: 2169.38,
  previousTotal: 1972.16,
  monthlyBudget: 2600,
  byAllocation: { direct: 1400.5, cluster: 600.88, shared: 168 },
  series: [
    { date: '2026-10-01', amount: 1000.38 },
    { date: '2026-10-02', amount: 1169 },
  ],
  breakdown: [
    { key: 'Amazon Relational Database Service', amount: 1500.38 },
    { key: 'Amazon Elastic Compute Cloud', amount: 669 },
  ],
  children: [],
  clusterSamples: [
    {
      cluster: 'prod-eu-cluster',
      sampleDay: '2026-11-26',
      forDays: ['2026-10-01', '2026-10-02'],
    },
  ],
};

export const tenancyResponse: TeamTenancyResponse = {
  ...scope,
  team: { entityRef: 'group:default/payments', title: 'Payments' },
  namespaces: [
    {
      cluster: 'prod-eu-cluster',
      namespace: 'payments-prod',
      environment: 'prod',
      labels: { team: 'payments' },
      component: 'payments-api',
      podSecurity: 'restricted',
      hasNetworkPolicy: true,
      hasLimitRange: false,
      quotas: [
        { resource: 'cpu', hard: 2, used: 0.75, requested: 0.75 },
        {
          resource: 'memory',
          hard: 2 * 2 ** 30,
          used: 0.75 * 2 ** 30,
          requested: 0.75 * 2 ** 30,
        },
        { resource: 'pods', hard: 9, used: 3, requested: 3 },
      ],
      sampleDay: '2026-11-26',
      cost: 372.5,
    },
  ],
};

/** An API whose every method fails unless the test gives it an answer. */
export function fakeCostApi(answers: Partial<CostTenancyApi>): CostTenancyApi {
  const missing = (name: string) => () =>
    Promise.reject(new Error(`${name} was not expected`));
  return {
    getTeams: missing('getTeams'),
    getTeamCosts: missing('getTeamCosts'),
    getTeamTenancy: missing('getTeamTenancy'),
    getEntityCosts: missing('getEntityCosts'),
    getUnallocated: missing('getUnallocated'),
    ...answers,
  };
}

/** An error as the client throws it for an HTTP status. */
export function apiError(status: number, message: string) {
  return Object.assign(new Error(message), {
    name: status === 403 ? 'NotAllowedError' : 'Error',
    response: { status },
  });
}
