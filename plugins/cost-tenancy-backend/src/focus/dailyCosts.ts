import { FileFormatError } from './FileFormatError';
import { FocusCharge } from './focusCharges';
import { ownString } from './ownString';

const DAY_MS = 86_400_000;

/** Which tags say what about a charge. */
export type TagKeys = {
  /** Tag keys naming a team, in order of preference. */
  team: string[];
  /**
   * Tags marking a cluster's nodes: a key with `<name>` takes the cluster
   * name from the key (`kubernetes.io/cluster/<name>`), any other key from
   * its value (`eks:cluster-name`).
   */
  cluster: string[];
  environment: string[];
  service: string[];
};

export const DEFAULT_TAG_KEYS: TagKeys = {
  team: ['team', 'owner'],
  cluster: [
    'kubernetes.io/cluster/<name>',
    'eks:cluster-name',
    'aks-managed-cluster-name',
    'goog-k8s-cluster-name',
  ],
  environment: ['environment', 'env'],
  service: ['service', 'app'],
};

/** A day's cost of one combination of dimensions, as stored. */
export type DailyCost = {
  billingPeriod: string;
  day: string;
  provider: string;
  service: string;
  category: string;
  chargeCategory: string;
  account: string;
  region: string;
  currency: string;
  teamTag: string | null;
  environment: string | null;
  serviceTag: string | null;
  cluster: string | null;
  /** Kept only for cost no tag or cluster accounts for, so it can be tagged. */
  resourceId: string | null;
  resourceName: string | null;
  effectiveCost: number;
  billedCost: number;
  listCost: number;
  rowCount: number;
};

type TagFacts = Pick<
  DailyCost,
  'teamTag' | 'environment' | 'serviceTag' | 'cluster'
>;

function tagFacts(tags: Record<string, unknown>, keys: TagKeys): TagFacts {
  const value = (names: string[]) => {
    for (const name of names) {
      const v = tags[name];
      if (typeof v === 'string' && v.trim() !== '') return v.trim();
    }
    return null;
  };
  let cluster: string | null = null;
  for (const pattern of keys.cluster) {
    const [prefix, suffix] = pattern.split('<name>');
    if (suffix === undefined) {
      cluster = value([pattern]);
    } else {
      const key = Object.keys(tags).find(
        k =>
          k.startsWith(prefix) &&
          k.endsWith(suffix) &&
          k.length > prefix.length + suffix.length,
      );
      cluster = key
        ? key.slice(prefix.length, key.length - suffix.length)
        : null;
    }
    if (cluster) break;
  }
  return {
    teamTag: value(keys.team)?.toLowerCase() ?? null,
    environment: value(keys.environment)?.toLowerCase() ?? null,
    serviceTag: value(keys.service)?.toLowerCase() ?? null,
    cluster,
  };
}

const days = new Map<number, string>();
/** The UTC day (YYYY-MM-DD) an instant falls on. */
function dayOf(ms: number): string {
  const start = ms - (ms % DAY_MS);
  let day = days.get(start);
  if (day === undefined) {
    day = new Date(start).toISOString().slice(0, 10);
    days.set(start, day);
  }
  return day;
}

/**
 * Sums charges per day and dimensions. A charge spanning several days is
 * spread over them by time; one of no length counts on its start day. Tags
 * are parsed once per distinct value.
 */
export class DailyCostAggregator {
  private readonly sums = new Map<string, DailyCost>();
  private readonly facts = new Map<string, TagFacts>();

  constructor(private readonly keys: TagKeys) {}

  add(charge: FocusCharge, at: () => string) {
    const facts = this.tagFactsOf(charge.tags, at);
    const untracked = !facts.teamTag && !facts.cluster;
    const base = {
      billingPeriod: charge.billingPeriod,
      provider: charge.provider,
      service: charge.serviceName,
      category: charge.serviceCategory,
      chargeCategory: charge.chargeCategory,
      account: charge.accountId,
      region: charge.region,
      currency: charge.currency,
      ...facts,
      resourceId: untracked ? charge.resourceId || null : null,
      resourceName: untracked ? charge.resourceName || null : null,
    };
    const { chargeStart, chargeEnd } = charge;
    const length = chargeEnd - chargeStart;
    if (length <= 0) {
      this.addTo(base, dayOf(chargeStart), charge, 1);
      return;
    }
    for (
      let dayStart = chargeStart - (chargeStart % DAY_MS);
      dayStart < chargeEnd;
      dayStart += DAY_MS
    ) {
      const overlap =
        Math.min(chargeEnd, dayStart + DAY_MS) -
        Math.max(chargeStart, dayStart);
      this.addTo(base, dayOf(dayStart), charge, overlap / length);
    }
  }

  /** The sums, grouped by billing period. */
  byBillingPeriod(): Map<string, DailyCost[]> {
    const periods = new Map<string, DailyCost[]>();
    for (const cost of this.sums.values()) {
      const list = periods.get(cost.billingPeriod) ?? [];
      list.push(cost);
      periods.set(cost.billingPeriod, list);
    }
    return periods;
  }

  private addTo(
    base: Omit<
      DailyCost,
      'day' | 'effectiveCost' | 'billedCost' | 'listCost' | 'rowCount'
    >,
    day: string,
    charge: FocusCharge,
    share: number,
  ) {
    const key = [
      day,
      base.billingPeriod,
      base.provider,
      base.service,
      base.category,
      base.chargeCategory,
      base.account,
      base.region,
      base.currency,
      base.teamTag,
      base.environment,
      base.serviceTag,
      base.cluster,
      base.resourceId,
      base.resourceName,
    ].join('\u0000');
    let sum = this.sums.get(key);
    if (!sum) {
      sum = {
        billingPeriod: ownString(base.billingPeriod),
        provider: ownString(base.provider),
        service: ownString(base.service),
        category: ownString(base.category),
        chargeCategory: ownString(base.chargeCategory),
        account: ownString(base.account),
        region: ownString(base.region),
        currency: ownString(base.currency),
        teamTag: ownString(base.teamTag),
        environment: ownString(base.environment),
        serviceTag: ownString(base.serviceTag),
        cluster: ownString(base.cluster),
        resourceId: ownString(base.resourceId),
        resourceName: ownString(base.resourceName),
        day,
        effectiveCost: 0,
        billedCost: 0,
        listCost: 0,
        rowCount: 0,
      };
      this.sums.set(ownString(key), sum);
    }
    sum.effectiveCost += charge.effectiveCost * share;
    sum.billedCost += charge.billedCost * share;
    sum.listCost += charge.listCost * share;
    if (share === 1 || day === dayOf(charge.chargeStart)) sum.rowCount += 1;
  }

  private tagFactsOf(tags: string, at: () => string): TagFacts {
    let facts = this.facts.get(tags);
    if (!facts) {
      let parsed: unknown = {};
      if (tags !== '') {
        try {
          parsed = JSON.parse(tags);
        } catch {
          parsed = undefined;
        }
      }
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
        throw new FileFormatError(
          at(),
          `Tags is not a JSON object: ${JSON.stringify(tags.slice(0, 80))}`,
        );
      }
      facts = tagFacts(parsed as Record<string, unknown>, this.keys);
      this.facts.set(ownString(tags), facts);
    }
    return facts;
  }
}
