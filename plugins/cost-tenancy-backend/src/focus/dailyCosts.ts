import { FileFormatError } from './FileFormatError';
import { FocusCharge } from './focusCharges';
import { TupleIndex } from './TupleIndex';

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
  /** SubAccountName; null when the export has none. */
  accountName: string | null;
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

/** Where each dimension sits in a sum's key tuple. */
const KEY = {
  day: 0,
  billingPeriod: 1,
  provider: 2,
  service: 3,
  category: 4,
  chargeCategory: 5,
  account: 6,
  region: 7,
  currency: 8,
  tagFacts: 9,
  resourceId: 10,
  resourceName: 11,
  accountName: 12,
} as const;
const KEY_WIDTH = 13;

type NumberedTagFacts = TagFacts & { id: number };

/**
 * Sums charges per day and dimensions. A charge spanning several days is
 * spread over them by time; one of no length counts on its start day. Tags
 * are parsed once per distinct value. Each sum is found by a tuple of
 * numbers standing for its dimension values, not by a string key: the
 * values of a billing export repeat, so numbering them is cheap.
 */
export class DailyCostAggregator {
  private readonly sums: DailyCost[] = [];
  private readonly index = new TupleIndex(KEY_WIDTH);
  private readonly key = new Int32Array(KEY_WIDTH);
  /** Numbers of dimension values; 0 is the empty value. */
  private readonly numbers = new Map<string, number>([['', 0]]);
  private readonly facts = new Map<string, NumberedTagFacts>();
  private readonly factNumbers = new Map<string, number>();

  constructor(private readonly tagKeys: TagKeys) {}

  add(charge: FocusCharge, at: () => string) {
    const facts = this.tagFactsOf(charge.tags, at);
    const untracked = !facts.teamTag && !facts.cluster;
    const key = this.key;
    key[KEY.billingPeriod] = this.numberOf(charge.billingPeriod);
    key[KEY.provider] = this.numberOf(charge.provider);
    key[KEY.service] = this.numberOf(charge.serviceName);
    key[KEY.category] = this.numberOf(charge.serviceCategory);
    key[KEY.chargeCategory] = this.numberOf(charge.chargeCategory);
    key[KEY.account] = this.numberOf(charge.accountId);
    key[KEY.accountName] = this.numberOf(charge.accountName);
    key[KEY.region] = this.numberOf(charge.region);
    key[KEY.currency] = this.numberOf(charge.currency);
    key[KEY.tagFacts] = facts.id;
    const resource = untracked ? charge.resource() : undefined;
    key[KEY.resourceId] = resource ? this.numberOf(resource.id) : 0;
    key[KEY.resourceName] = resource ? this.numberOf(resource.name) : 0;
    const { chargeStart, chargeEnd } = charge;
    const firstDay = chargeStart - (chargeStart % DAY_MS);
    const length = chargeEnd - chargeStart;
    if (length <= 0) {
      this.addTo(charge, facts, resource, firstDay, 1);
      return;
    }
    for (let dayStart = firstDay; dayStart < chargeEnd; dayStart += DAY_MS) {
      const overlap =
        Math.min(chargeEnd, dayStart + DAY_MS) -
        Math.max(chargeStart, dayStart);
      this.addTo(charge, facts, resource, dayStart, overlap / length);
    }
  }

  /** The sums, in the order they were first seen. */
  costs(): DailyCost[] {
    return this.sums;
  }

  /** Tag sets that say the same about a charge share a number. */
  private numberOfFacts(facts: TagFacts): number {
    const said = JSON.stringify([
      facts.teamTag,
      facts.environment,
      facts.serviceTag,
      facts.cluster,
    ]);
    let number = this.factNumbers.get(said);
    if (number === undefined) {
      number = this.factNumbers.size;
      this.factNumbers.set(said, number);
    }
    return number;
  }

  private numberOf(value: string): number {
    let number = this.numbers.get(value);
    if (number === undefined) {
      number = this.numbers.size;
      this.numbers.set(value, number);
    }
    return number;
  }

  private addTo(
    charge: FocusCharge,
    facts: TagFacts,
    resource: { id: string; name: string } | undefined,
    dayStart: number,
    share: number,
  ) {
    this.key[KEY.day] = dayStart / DAY_MS;
    const number = this.index.numberOf(this.key);
    if (number === this.sums.length) {
      this.sums.push({
        billingPeriod: charge.billingPeriod,
        day: dayOf(dayStart),
        provider: charge.provider,
        service: charge.serviceName,
        category: charge.serviceCategory,
        chargeCategory: charge.chargeCategory,
        account: charge.accountId,
        accountName: charge.accountName || null,
        region: charge.region,
        currency: charge.currency,
        teamTag: facts.teamTag,
        environment: facts.environment,
        serviceTag: facts.serviceTag,
        cluster: facts.cluster,
        resourceId: resource?.id || null,
        resourceName: resource?.name || null,
        effectiveCost: 0,
        billedCost: 0,
        listCost: 0,
        rowCount: 0,
      });
    }
    const sum = this.sums[number];
    sum.effectiveCost += charge.effectiveCost * share;
    sum.billedCost += charge.billedCost * share;
    sum.listCost += charge.listCost * share;
    if (share === 1 || dayStart <= charge.chargeStart) sum.rowCount += 1;
  }

  private tagFactsOf(tags: string, at: () => string): NumberedTagFacts {
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
      const found = tagFacts(parsed as Record<string, unknown>, this.tagKeys);
      facts = { ...found, id: this.numberOfFacts(found) };
      if (this.facts.size >= 100_000) this.facts.clear();
      this.facts.set(tags, facts);
    }
    return facts;
  }
}
