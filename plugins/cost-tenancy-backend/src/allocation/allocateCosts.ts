import {
  AllocationKind,
  CostMeasure,
} from '@internal/plugin-cost-tenancy-common';
import { DailyCost } from '../focus/dailyCosts';
import { ClusterSample, NamespaceSample } from '../clusters/samples';
import { TeamDirectory } from '../teams/TeamDirectory';
import { CurrencyConverter } from './currency';

/** Where a piece of cost went, beyond the teams. */
export type CostKind = AllocationKind | 'idle' | 'unallocated';

/** A share of one day's cost, assigned to a team or reported as idle or unallocated. */
export type AllocatedCost = {
  day: string;
  kind: CostKind;
  teamRef: string | null;
  amount: number;
  service: string;
  category: string;
  provider: string;
  account: string;
  accountName: string | null;
  region: string;
  cluster: string | null;
  namespace: string | null;
  environment: string | null;
  component: string | null;
  resourceId: string | null;
  resourceName: string | null;
};

/** A rule splitting untagged shared cost (e.g. networking) over the teams. */
export type SharedCostRule = {
  name: string;
  match: Partial<
    Record<'provider' | 'service' | 'category' | 'account', string>
  >;
  split: 'even' | 'proportional';
};

export type AllocationSettings = {
  measure: CostMeasure;
  converter: CurrencyConverter;
  /** Namespace label keys naming a team, in order of preference. */
  namespaceTeamLabels: string[];
  weights: { cpu: number; memory: number };
  sharedCostRules: SharedCostRule[];
};

export type Allocation = {
  pieces: AllocatedCost[];
  unconverted: Map<string, number>;
  /** For each cluster, which sample day stood in for which cost days. */
  samplesUsed: Map<string, Map<string, Set<string>>>;
};

/**
 * The samples a period can use: per cluster, those taken within it and the
 * last one before it, or the first one when all come after it. Only their
 * namespaces need loading, however many days of samples are stored.
 */
export function samplesCovering(
  samples: ClusterSample[],
  from: string,
  to: string,
): ClusterSample[] {
  const byCluster = new Map<string, ClusterSample[]>();
  for (const sample of [...samples].sort((a, b) =>
    a.day.localeCompare(b.day),
  )) {
    byCluster.set(sample.cluster, [
      ...(byCluster.get(sample.cluster) ?? []),
      sample,
    ]);
  }
  return [...byCluster.values()].flatMap(list => {
    const before = list.filter(s => s.day < from).pop();
    const within = list.filter(s => s.day >= from && s.day <= to);
    const chosen = before ? [before, ...within] : within;
    return chosen.length > 0 ? chosen : [list[0]];
  });
}

/** The cluster sample for a day: the nearest earlier one, else the earliest. */
export class ClusterSamples {
  private readonly byCluster = new Map<string, ClusterSample[]>();
  private readonly namespaces = new Map<string, NamespaceSample[]>();

  constructor(clusters: ClusterSample[], namespaces: NamespaceSample[]) {
    for (const sample of clusters) {
      const list = this.byCluster.get(sample.cluster) ?? [];
      list.push(sample);
      this.byCluster.set(sample.cluster, list);
    }
    for (const list of this.byCluster.values()) {
      list.sort((a, b) => a.day.localeCompare(b.day));
    }
    for (const ns of namespaces) {
      const key = `${ns.cluster}/${ns.day}`;
      this.namespaces.set(key, [...(this.namespaces.get(key) ?? []), ns]);
    }
  }

  clusters(): string[] {
    return [...this.byCluster.keys()];
  }

  sampleFor(cluster: string, day: string) {
    const list = this.byCluster.get(cluster);
    if (!list?.length) return undefined;
    let chosen = list[0];
    for (const sample of list) {
      if (sample.day <= day) chosen = sample;
      else break;
    }
    return {
      sample: chosen,
      namespaces: this.namespaces.get(`${cluster}/${chosen.day}`) ?? [],
    };
  }
}

function label(labels: Record<string, string>, keys: string[]) {
  for (const key of keys) if (labels[key]) return labels[key];
  return null;
}

/**
 * Allocates every cost of the period: tagged cost to its team (direct);
 * a cluster's node cost to its namespaces by their share of requested CPU
 * and memory of the cluster's capacity, then to the namespaces' teams, the
 * rest being the cluster's idle cost; untagged cost matching a shared-cost
 * rule over the teams, evenly or in proportion to their cost that day; all
 * else unallocated. The pieces always add up to the bill.
 */
export function allocateCosts(
  costs: DailyCost[],
  teams: TeamDirectory,
  samples: ClusterSamples,
  settings: AllocationSettings,
): Allocation {
  const pieces: AllocatedCost[] = [];
  const unconverted = new Map<string, number>();
  const samplesUsed = new Map<string, Map<string, Set<string>>>();
  const sharedByDay = new Map<string, Array<[SharedCostRule, AllocatedCost]>>();

  for (const cost of costs) {
    const raw =
      settings.measure === 'BilledCost' ? cost.billedCost : cost.effectiveCost;
    const amount = settings.converter.convert(raw, cost.currency);
    if (amount === undefined) {
      unconverted.set(
        cost.currency,
        (unconverted.get(cost.currency) ?? 0) + raw,
      );
      continue;
    }
    const piece: AllocatedCost = {
      day: cost.day,
      kind: 'unallocated',
      teamRef: null,
      amount,
      service: cost.service,
      category: cost.category,
      provider: cost.provider,
      account: cost.account,
      accountName: cost.accountName,
      region: cost.region,
      cluster: cost.cluster,
      namespace: null,
      environment: cost.environment,
      component: cost.serviceTag,
      resourceId: cost.resourceId,
      resourceName: cost.resourceName,
    };
    const team = teams.teamNamed(cost.teamTag);
    if (team) {
      pieces.push({ ...piece, kind: 'direct', teamRef: team });
      continue;
    }
    if (cost.cluster) {
      pieces.push(
        ...splitClusterCost(
          piece,
          cost.cluster,
          samples,
          teams,
          settings,
          samplesUsed,
        ),
      );
      continue;
    }
    const rule = settings.sharedCostRules.find(r =>
      Object.entries(r.match).every(
        ([field, value]) => (piece as any)[field] === value,
      ),
    );
    if (rule) {
      const list = sharedByDay.get(cost.day) ?? [];
      list.push([rule, piece]);
      sharedByDay.set(cost.day, list);
      continue;
    }
    if (cost.teamTag && !piece.resourceId) {
      piece.resourceName = `tag team: ${cost.teamTag} (no such team)`;
    }
    pieces.push(piece);
  }

  pieces.push(...splitSharedCost(pieces, sharedByDay));
  return { pieces, unconverted, samplesUsed };
}

function splitClusterCost(
  piece: AllocatedCost,
  cluster: string,
  samples: ClusterSamples,
  teams: TeamDirectory,
  settings: AllocationSettings,
  samplesUsed: Allocation['samplesUsed'],
): AllocatedCost[] {
  const found = samples.sampleFor(cluster, piece.day);
  if (!found || found.namespaces.length === 0) {
    return [
      {
        ...piece,
        resourceId: `cluster/${cluster}`,
        resourceName: `${cluster}: no cluster data to split its node cost`,
      },
    ];
  }
  const used = samplesUsed.get(cluster) ?? new Map<string, Set<string>>();
  samplesUsed.set(cluster, used);
  used.set(
    found.sample.day,
    (used.get(found.sample.day) ?? new Set()).add(piece.day),
  );

  const { cpu, memory } = settings.weights;
  const requestedCpu = found.namespaces.reduce((s, n) => s + n.cpuRequests, 0);
  const requestedMemory = found.namespaces.reduce(
    (s, n) => s + n.memoryRequests,
    0,
  );
  // Without known capacity, the requests are the whole: no idle share.
  const cpuCapacity = Math.max(found.sample.cpuAllocatable, requestedCpu);
  const memoryCapacity = Math.max(
    found.sample.memoryAllocatable,
    requestedMemory,
  );
  const weightSum = cpu + memory;
  const shareOf = (ns: NamespaceSample) =>
    ((cpuCapacity ? (cpu * ns.cpuRequests) / cpuCapacity : 0) +
      (memoryCapacity ? (memory * ns.memoryRequests) / memoryCapacity : 0)) /
    weightSum;

  const result: AllocatedCost[] = [];
  let allocated = 0;
  for (const ns of found.namespaces) {
    const share = shareOf(ns);
    if (share <= 0) continue;
    const amount = piece.amount * share;
    allocated += amount;
    const team = teams.teamNamed(
      label(ns.labels, settings.namespaceTeamLabels),
    );
    result.push({
      ...piece,
      kind: team ? 'cluster' : 'unallocated',
      teamRef: team ?? null,
      amount,
      namespace: ns.namespace,
      environment: ns.labels.environment ?? piece.environment,
      component: ns.labels['app.kubernetes.io/part-of'] ?? piece.component,
      resourceId: team ? null : `namespace/${cluster}/${ns.namespace}`,
      resourceName: team
        ? null
        : `${ns.namespace} in ${cluster}: no team label`,
    });
  }
  result.push({
    ...piece,
    kind: 'idle',
    amount: piece.amount - allocated,
    resourceId: null,
    resourceName: null,
  });
  return result;
}

function splitSharedCost(
  pieces: AllocatedCost[],
  sharedByDay: Map<string, Array<[SharedCostRule, AllocatedCost]>>,
): AllocatedCost[] {
  if (sharedByDay.size === 0) return [];
  const teamCostByDay = new Map<string, Map<string, number>>();
  for (const p of pieces) {
    if (!p.teamRef) continue;
    const day = teamCostByDay.get(p.day) ?? new Map<string, number>();
    day.set(p.teamRef, (day.get(p.teamRef) ?? 0) + p.amount);
    teamCostByDay.set(p.day, day);
  }
  const result: AllocatedCost[] = [];
  for (const [day, shared] of sharedByDay) {
    const costs = [...(teamCostByDay.get(day) ?? new Map()).entries()];
    const total = costs.reduce((s, [, c]) => s + c, 0);
    for (const [rule, piece] of shared) {
      const proportional = rule.split === 'proportional' && total > 0;
      if (costs.length === 0) {
        result.push(piece);
        continue;
      }
      for (const [teamRef, cost] of costs) {
        result.push({
          ...piece,
          kind: 'shared',
          teamRef,
          amount:
            piece.amount * (proportional ? cost / total : 1 / costs.length),
        });
      }
    }
  }
  return result;
}
