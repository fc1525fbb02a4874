import { InputError } from '@backstage/errors';
import {
  BREAKDOWN_DIMENSIONS,
  BreakdownDimension,
  CostMeasure,
  EntityCostResponse,
  Granularity,
  ReportScope,
  TeamCostResponse,
  TeamsResponse,
  TeamTenancyResponse,
  UnallocatedResponse,
} from '@internal/plugin-cost-tenancy-common';
import {
  allocateCosts,
  AllocatedCost,
  ClusterSamples,
  samplesCovering,
  SharedCostRule,
} from '../allocation/allocateCosts';
import { CurrencyConverter } from '../allocation/currency';
import { CostStore } from '../store/CostStore';
import { ReportCache } from './ReportCache';
import { breakdown, round, samplesUsed, series, sum } from './summing';
import { Team, TeamDirectory } from '../teams/TeamDirectory';
import {
  addDays,
  completeThrough,
  daysBetween,
  requestedPeriod,
} from './period';

export type ReportSettings = {
  baseCurrency: string;
  rates: Record<string, number>;
  namespaceTeamLabels: string[];
  weights: { cpu: number; memory: number };
  sharedCostRules: SharedCostRule[];
};

/** What a report request may say, as received (validated here). */
export type ReportQuery = {
  from?: unknown;
  to?: unknown;
  currency?: unknown;
  measure?: unknown;
};

function oneOf<T extends string>(
  value: unknown,
  allowed: readonly T[],
  field: string,
  fallback: T,
): T {
  if (value === undefined || value === '') return fallback;
  if (!allowed.includes(value as T)) {
    throw new InputError(
      `${field}: must be one of ${allowed.join(', ')}, got ${JSON.stringify(
        value,
      )}`,
    );
  }
  return value as T;
}

/** Builds the API's reports from stored costs, cluster samples and the catalog's teams. */
export class CostReports {
  private readonly cache: ReportCache;

  constructor(
    private readonly store: CostStore,
    private readonly settings: ReportSettings,
    private readonly today: () => string = () =>
      new Date().toISOString().slice(0, 10),
  ) {
    this.cache = new ReportCache(() => store.version);
  }

  /** Allocates the period's cost and describes the scope. */
  async allocate(query: ReportQuery, teams: TeamDirectory) {
    const complete = await this.cache.get('complete', async () =>
      completeThrough(await this.store.latestDays(), this.today()),
    );
    const period = requestedPeriod(query, complete);
    const measure = oneOf<CostMeasure>(
      query.measure,
      ['EffectiveCost', 'BilledCost'],
      'measure',
      'EffectiveCost',
    );
    if (
      query.currency !== undefined &&
      (typeof query.currency !== 'string' || !/^[A-Z]{3}$/.test(query.currency))
    ) {
      throw new InputError(
        `currency: must be an ISO 4217 code such as USD, got ${JSON.stringify(
          query.currency,
        )}`,
      );
    }
    const key = JSON.stringify([period, measure, query.currency ?? null]);
    // The same request over the same data and teams gives the same answer.
    return this.cache.get(
      key,
      () =>
        this.compute(
          period,
          measure,
          query.currency as string | undefined,
          complete,
          teams,
        ),
      teams,
    );
  }

  private async compute(
    period: { from: string; to: string },
    measure: CostMeasure,
    requestedCurrency: string | undefined,
    complete: string | null,
    teams: TeamDirectory,
  ) {
    const length = daysBetween(period.from, period.to);
    const previous = {
      from: addDays(period.from, -length),
      to: addDays(period.from, -1),
    };
    const costs = await this.store.dailyCosts({
      from: previous.from,
      to: period.to,
    });
    const dataCurrencies = [...new Set(costs.map(c => c.currency))];
    const currency =
      requestedCurrency ??
      (dataCurrencies.length === 1
        ? dataCurrencies[0]
        : this.settings.baseCurrency);
    const converter = CurrencyConverter.to(
      currency,
      this.settings.baseCurrency,
      this.settings.rates,
      dataCurrencies,
    );
    const clusters = samplesCovering(
      await this.store.clusterSamples(),
      previous.from,
      period.to,
    );
    const samples = new ClusterSamples(
      clusters,
      await this.store.namespaceSamples(clusters),
    );
    const allocation = allocateCosts(costs, teams, samples, {
      measure,
      converter,
      namespaceTeamLabels: this.settings.namespaceTeamLabels,
      weights: this.settings.weights,
      sharedCostRules: this.settings.sharedCostRules,
    });
    const inPeriod = allocation.pieces.filter(p => p.day >= period.from);
    const before = allocation.pieces.filter(p => p.day < period.from);
    const scope: ReportScope = {
      ...period,
      currency,
      measure,
      completeThrough: complete,
      unconverted: [...allocation.unconverted].map(([c, amount]) => ({
        currency: c,
        amount: round(amount),
      })),
    };
    return { scope, inPeriod, before, allocation, samples };
  }

  async teams(
    query: ReportQuery,
    teams: TeamDirectory,
    access: { visible: Set<string>; organizationWide: boolean },
  ): Promise<TeamsResponse> {
    const key = JSON.stringify([
      'teams',
      query.from,
      query.to,
      query.currency,
      query.measure,
      [...access.visible].sort(),
      access.organizationWide,
    ]);
    return this.cache.get(
      key,
      () => this.computeTeams(query, teams, access),
      teams,
    );
  }

  private async computeTeams(
    query: ReportQuery,
    teams: TeamDirectory,
    access: { visible: Set<string>; organizationWide: boolean },
  ): Promise<TeamsResponse> {
    const { scope, inPeriod, before } = await this.allocate(query, teams);
    const byTeam = (pieces: AllocatedCost[]) => {
      const totals = new Map<string, number>();
      for (const p of pieces) {
        if (p.teamRef)
          totals.set(p.teamRef, (totals.get(p.teamRef) ?? 0) + p.amount);
      }
      return (ref: string) =>
        teams.subtree(ref).reduce((s, r) => s + (totals.get(r) ?? 0), 0);
    };
    const now = byTeam(inPeriod);
    const then = byTeam(before);
    const days = daysBetween(scope.from, scope.to);
    const result = teams.teams
      .filter(team => access.visible.has(team.ref))
      .map(team => {
        const total = now(team.ref);
        const previousTotal = then(team.ref);
        const budget = this.budgetIn(team, scope.currency);
        const prorated = budget === null ? null : (budget * days * 12) / 365;
        return {
          entityRef: team.ref,
          name: team.name,
          title: team.title,
          parentRef: team.parentRef,
          total: round(total),
          previousTotal: round(previousTotal),
          change:
            previousTotal === 0
              ? null
              : round((total - previousTotal) / Math.abs(previousTotal)),
          monthlyBudget: budget,
          budgetUse: prorated ? round(total / prorated) : null,
        };
      })
      .sort((a, b) => b.total - a.total);
    const response: TeamsResponse = { ...scope, teams: result };
    if (access.organizationWide) {
      response.organization = {
        billTotal: round(sum(inPeriod)),
        unallocated: round(sum(inPeriod.filter(p => p.kind === 'unallocated'))),
        idle: round(sum(inPeriod.filter(p => p.kind === 'idle'))),
      };
    }
    return response;
  }

  async teamCost(
    query: ReportQuery & { granularity?: unknown; groupBy?: unknown },
    teams: TeamDirectory,
    team: Team,
  ): Promise<TeamCostResponse> {
    const key = JSON.stringify([
      'teamCost',
      team.ref,
      query.from,
      query.to,
      query.currency,
      query.measure,
      query.granularity,
      query.groupBy,
    ]);
    return this.cache.get(
      key,
      () => this.computeTeamCost(query, teams, team),
      teams,
    );
  }

  private async computeTeamCost(
    query: ReportQuery & { granularity?: unknown; groupBy?: unknown },
    teams: TeamDirectory,
    team: Team,
  ): Promise<TeamCostResponse> {
    const granularity = oneOf<Granularity>(
      query.granularity,
      ['day', 'month'],
      'granularity',
      'day',
    );
    const groupBy = oneOf<BreakdownDimension>(
      query.groupBy,
      BREAKDOWN_DIMENSIONS,
      'groupBy',
      'service',
    );
    const { scope, inPeriod, before, allocation } = await this.allocate(
      query,
      teams,
    );
    const subtree = new Set(teams.subtree(team.ref));
    const ofTeam = (p: AllocatedCost) => !!p.teamRef && subtree.has(p.teamRef);
    const mine = inPeriod.filter(ofTeam);
    const total = sum(mine);
    return {
      ...scope,
      team: { entityRef: team.ref, title: team.title },
      granularity,
      groupBy,
      total: round(total),
      previousTotal: round(sum(before.filter(ofTeam))),
      monthlyBudget: this.budgetIn(team, scope.currency),
      byAllocation: {
        direct: round(sum(mine.filter(p => p.kind === 'direct'))),
        cluster: round(sum(mine.filter(p => p.kind === 'cluster'))),
        shared: round(sum(mine.filter(p => p.kind === 'shared'))),
      },
      series: series(mine, scope, granularity),
      breakdown: breakdown(mine, groupBy),
      children: teams.children(team.ref).map(child => {
        const childTree = new Set(teams.subtree(child));
        const amount = sum(mine.filter(p => childTree.has(p.teamRef!)));
        return {
          entityRef: child,
          title: teams.get(child)?.title ?? child,
          amount: round(amount),
          share: total === 0 ? 0 : round(amount / total),
        };
      }),
      clusterSamples: samplesUsed(allocation, scope.from),
    };
  }

  async teamTenancy(
    query: ReportQuery,
    teams: TeamDirectory,
    team: Team,
  ): Promise<TeamTenancyResponse> {
    const { scope, inPeriod, samples } = await this.allocate(query, teams);
    const subtree = new Set(teams.subtree(team.ref));
    const namespaces: TeamTenancyResponse['namespaces'] = [];
    for (const cluster of samples.clusters()) {
      const found = samples.sampleFor(cluster, scope.to);
      for (const ns of found?.namespaces ?? []) {
        const owner = this.namespaceTeam(teams, ns.labels);
        if (!owner || !subtree.has(owner)) continue;
        namespaces.push({
          cluster,
          namespace: ns.namespace,
          environment: ns.labels.environment ?? null,
          labels: ns.labels,
          component: ns.labels['app.kubernetes.io/part-of'] ?? null,
          podSecurity: ns.podSecurity,
          hasNetworkPolicy: ns.hasNetworkPolicy,
          hasLimitRange: ns.hasLimitRange,
          quotas: (['cpu', 'memory', 'pods'] as const).map(resource => {
            const quota = ns.quotas.find(q => q.resource === resource);
            const requested = {
              cpu: ns.cpuRequests,
              memory: ns.memoryRequests,
              pods: ns.pods,
            }[resource];
            return {
              resource,
              hard: quota?.hard ?? null,
              used: quota?.used ?? null,
              requested,
            };
          }),
          sampleDay: found!.sample.day,
          cost: round(
            sum(
              inPeriod.filter(
                p => p.cluster === cluster && p.namespace === ns.namespace,
              ),
            ),
          ),
        });
      }
    }
    return {
      ...scope,
      team: { entityRef: team.ref, title: team.title },
      namespaces,
    };
  }

  /** Cost of a component or resource: its `service` tag and its namespaces. */
  async entityCost(
    query: ReportQuery,
    teams: TeamDirectory,
    entity: {
      ref: string;
      ownerRef: string;
      name: string;
      namespaces: string[];
    },
  ): Promise<EntityCostResponse> {
    const { scope, inPeriod, before } = await this.allocate(query, teams);
    const ofEntity = (p: AllocatedCost) =>
      (p.kind !== 'idle' && p.component === entity.name) ||
      (p.namespace !== null && entity.namespaces.includes(p.namespace));
    const mine = inPeriod.filter(ofEntity);
    return {
      ...scope,
      entityRef: entity.ref,
      ownerRef: entity.ownerRef,
      total: round(sum(mine)),
      previousTotal: round(sum(before.filter(ofEntity))),
      series: series(mine, scope, 'day'),
      namespaces: entity.namespaces,
      breakdown: breakdown(mine, 'service'),
    };
  }

  async unallocated(
    query: ReportQuery,
    teams: TeamDirectory,
    limit = 50,
  ): Promise<UnallocatedResponse> {
    const { scope, inPeriod } = await this.allocate(query, teams);
    const unallocated = inPeriod.filter(p => p.kind === 'unallocated');
    const items = new Map<string, UnallocatedResponse['items'][number]>();
    for (const p of unallocated) {
      const key = [
        p.resourceId,
        p.resourceName,
        p.service,
        p.account,
        p.accountName,
        p.provider,
      ].join('\u0000');
      const item = items.get(key) ?? {
        resourceId: p.resourceId,
        resourceName: p.resourceName,
        service: p.service,
        account: p.account,
        accountName: p.accountName,
        provider: p.provider,
        amount: 0,
      };
      item.amount += p.amount;
      items.set(key, item);
    }
    return {
      ...scope,
      total: round(sum(unallocated)),
      items: [...items.values()]
        .sort((a, b) => Math.abs(b.amount) - Math.abs(a.amount))
        .slice(0, limit)
        .map(i => ({ ...i, amount: round(i.amount) })),
    };
  }

  private namespaceTeam(teams: TeamDirectory, labels: Record<string, string>) {
    for (const key of this.settings.namespaceTeamLabels) {
      const team = teams.teamNamed(labels[key]);
      if (team) return team;
    }
    return undefined;
  }

  private budgetIn(team: Team, currency: string): number | null {
    const budget = team.monthlyBudget;
    if (!budget) return null;
    if (!budget.currency || budget.currency === currency) return budget.amount;
    const converter = CurrencyConverter.to(
      currency,
      this.settings.baseCurrency,
      this.settings.rates,
      [],
    );
    const converted = converter.convert(budget.amount, budget.currency);
    return converted === undefined ? null : round(converted);
  }
}
