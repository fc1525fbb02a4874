import { dailyCost } from '../__testUtils__/dailyCost';
import { NamespaceSample } from '../clusters/samples';
import { demoGroups } from '../__testUtils__/org';
import { TeamDirectory } from '../teams/TeamDirectory';
import {
  allocateCosts,
  AllocationSettings,
  ClusterSamples,
  samplesCovering,
} from './allocateCosts';
import { CurrencyConverter } from './currency';

const teams = new TeamDirectory(demoGroups);

const cost = dailyCost;

function namespace(
  name: string,
  team: string | null,
  cpu: number,
  memoryGi: number,
  day = '2026-09-30',
): NamespaceSample {
  return {
    cluster: 'prod',
    day,
    namespace: name,
    labels: team ? { team, environment: 'prod' } : {},
    cpuRequests: cpu,
    memoryRequests: memoryGi * 2 ** 30,
    pods: 1,
    quotas: [],
    hasLimitRange: true,
    hasNetworkPolicy: true,
    podSecurity: 'restricted',
  };
}

// A cluster of 10 cores and 40 GiB: payments requests 40 %, search 20 %, 40 % idle.
const cluster = (day = '2026-09-30') =>
  new ClusterSamples(
    [
      {
        cluster: 'prod',
        day,
        cpuAllocatable: 10,
        memoryAllocatable: 40 * 2 ** 30,
        origin: 'test',
      },
    ],
    [
      namespace('payments-prod', 'payments', 4, 16, day),
      namespace('search-prod', 'search', 2, 8, day),
    ],
  );

const settings = (
  change: Partial<AllocationSettings> = {},
): AllocationSettings => ({
  measure: 'EffectiveCost',
  converter: CurrencyConverter.to('USD', 'USD', { EUR: 1.1 }, ['USD']),
  namespaceTeamLabels: ['team', 'tenant'],
  weights: { cpu: 0.5, memory: 0.5 },
  sharedCostRules: [
    {
      name: 'Networking',
      match: { category: 'Networking' },
      split: 'proportional',
    },
  ],
  ...change,
});

const byKind = (pieces: ReturnType<typeof allocateCosts>['pieces']) =>
  pieces.reduce<Record<string, number>>((acc, p) => {
    const key = `${p.kind}:${p.teamRef ?? '-'}`;
    acc[key] = Math.round(((acc[key] ?? 0) + p.amount) * 1e6) / 1e6;
    return acc;
  }, {});

describe('allocateCosts', () => {
  it('gives tagged cost to the team its tag or alias names, EffectiveCost by default', () => {
    const { pieces } = allocateCosts(
      [
        cost({ teamTag: 'payments' }),
        cost({ teamTag: 'pay' }),
        cost({ teamTag: 'PAYMENTS-TEAM'.toLowerCase() }),
      ],
      teams,
      cluster(),
      settings(),
    );
    expect(byKind(pieces)).toEqual({ 'direct:group:default/payments': 300 });
  });

  it('sums BilledCost when asked', () => {
    const { pieces } = allocateCosts(
      [cost({ teamTag: 'search' })],
      teams,
      cluster(),
      settings({ measure: 'BilledCost' }),
    );
    expect(byKind(pieces)).toEqual({ 'direct:group:default/search': 120 });
  });

  it("splits a cluster's node cost by requested CPU and memory, the rest being idle", () => {
    const { pieces, samplesUsed } = allocateCosts(
      [cost({ cluster: 'prod' })],
      teams,
      cluster(),
      settings(),
    );

    expect(byKind(pieces)).toEqual({
      'cluster:group:default/payments': 40,
      'cluster:group:default/search': 20,
      'idle:-': 40,
    });
    expect(
      pieces.find(p => p.teamRef === 'group:default/payments'),
    ).toMatchObject({ namespace: 'payments-prod', environment: 'prod' });
    // No sample on 2026-10-01: the nearest earlier one stood in.
    expect([...samplesUsed.get('prod')!.entries()]).toEqual([
      ['2026-09-30', new Set(['2026-10-01'])],
    ]);
  });

  it('uses the weights: all CPU', () => {
    const samples = new ClusterSamples(
      [
        {
          cluster: 'prod',
          day: '2026-09-30',
          cpuAllocatable: 10,
          memoryAllocatable: 40 * 2 ** 30,
          origin: 'test',
        },
      ],
      [namespace('payments-prod', 'payments', 5, 0)],
    );
    const { pieces } = allocateCosts(
      [cost({ cluster: 'prod' })],
      teams,
      samples,
      settings({ weights: { cpu: 1, memory: 0 } }),
    );
    expect(byKind(pieces)).toEqual({
      'cluster:group:default/payments': 50,
      'idle:-': 50,
    });
  });

  it('reports a namespace without a team label, and a cluster without data, as unallocated', () => {
    const samples = new ClusterSamples(
      [
        {
          cluster: 'prod',
          day: '2026-10-01',
          cpuAllocatable: 10,
          memoryAllocatable: 40 * 2 ** 30,
          origin: 'test',
        },
      ],
      [namespace('experiments', null, 5, 20, '2026-10-01')],
    );
    const { pieces } = allocateCosts(
      [
        cost({ cluster: 'prod' }),
        cost({ cluster: 'gke-analytics', effectiveCost: 30 }),
      ],
      teams,
      samples,
      settings(),
    );
    expect(byKind(pieces)).toEqual({ 'unallocated:-': 80, 'idle:-': 50 });
    expect(
      pieces
        .map(p => p.resourceName)
        .filter(Boolean)
        .sort(),
    ).toEqual([
      'experiments in prod: no team label',
      'gke-analytics: no cluster data to split its node cost',
    ]);
  });

  it("splits shared networking over the day's teams in proportion to their cost, or evenly", () => {
    const costs = [
      cost({ teamTag: 'payments', effectiveCost: 300 }),
      cost({ teamTag: 'search', effectiveCost: 100 }),
      cost({ category: 'Networking', effectiveCost: 40 }),
    ];
    expect(
      byKind(allocateCosts(costs, teams, cluster(), settings()).pieces),
    ).toEqual({
      'direct:group:default/payments': 300,
      'direct:group:default/search': 100,
      'shared:group:default/payments': 30,
      'shared:group:default/search': 10,
    });
    const even = settings({
      sharedCostRules: [
        {
          name: 'Networking',
          match: { category: 'Networking' },
          split: 'even',
        },
      ],
    });
    expect(
      byKind(allocateCosts(costs, teams, cluster(), even).pieces),
    ).toMatchObject({
      'shared:group:default/payments': 20,
      'shared:group:default/search': 20,
    });
  });

  it('keeps credits negative and reports untagged cost and unknown tags as unallocated', () => {
    const { pieces } = allocateCosts(
      [
        cost({
          teamTag: 'payments',
          effectiveCost: -25,
          chargeCategory: 'Credit',
        }),
        cost({
          resourceId: 'i-0abc',
          resourceName: 'bastion-old',
          effectiveCost: 7,
        }),
        cost({ teamTag: 'marketing', effectiveCost: 3 }),
      ],
      teams,
      cluster(),
      settings(),
    );
    expect(byKind(pieces)).toEqual({
      'direct:group:default/payments': -25,
      'unallocated:-': 10,
    });
    expect(pieces.find(p => p.amount === 3)?.resourceName).toBe(
      'tag team: marketing (no such team)',
    );
  });

  it('always adds up to the bill, and never sums currencies it cannot convert', () => {
    const costs = [
      cost({ teamTag: 'payments', effectiveCost: 50 }),
      cost({ cluster: 'prod', effectiveCost: 80 }),
      cost({ category: 'Networking', effectiveCost: 12 }),
      cost({ effectiveCost: 9 }),
      cost({ teamTag: 'search', effectiveCost: 10, currency: 'EUR' }),
      cost({ teamTag: 'search', effectiveCost: 1000, currency: 'JPY' }),
    ];
    const { pieces, unconverted } = allocateCosts(
      costs,
      teams,
      cluster(),
      settings(),
    );
    const total = pieces.reduce((s, p) => s + p.amount, 0);
    expect(total).toBeCloseTo(50 + 80 + 12 + 9 + 11, 9);
    expect([...unconverted]).toEqual([['JPY', 1000]]);
  });
});

describe('samplesCovering', () => {
  const sample = (name: string, day: string) => ({
    cluster: name,
    day,
    cpuAllocatable: 1,
    memoryAllocatable: 1,
    origin: 'test',
  });

  it('keeps the samples within the period and the last one before it', () => {
    const samples = [
      sample('prod', '2026-09-01'),
      sample('prod', '2026-09-30'),
      sample('prod', '2026-10-10'),
      sample('prod', '2026-11-05'),
      sample('staging', '2026-11-20'),
    ];
    expect(
      samplesCovering(samples, '2026-10-01', '2026-10-31').map(
        s => `${s.cluster} ${s.day}`,
      ),
    ).toEqual(['prod 2026-09-30', 'prod 2026-10-10', 'staging 2026-11-20']);
  });
});

describe('CurrencyConverter', () => {
  it('answers a 400 naming the currency when a requested currency has no rate', () => {
    expect(() =>
      CurrencyConverter.to('JPY', 'USD', { EUR: 1.1 }, ['USD']),
    ).toThrow(
      'currency: no exchange rate for JPY; configured rates (costTenancy.currency.rates against USD) exist for EUR, USD',
    );
  });

  it('converts through the base currency', () => {
    const converter = CurrencyConverter.to(
      'EUR',
      'USD',
      { EUR: 1.1, GBP: 1.32 },
      ['GBP'],
    );
    expect(converter.convert(11, 'GBP')).toBeCloseTo(13.2, 9);
  });
});
