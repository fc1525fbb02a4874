/** Which FOCUS cost column a report sums. */
export type CostMeasure = 'EffectiveCost' | 'BilledCost';

/** How finely a cost series is cut. */
export type Granularity = 'day' | 'month';

/** The dimensions a team's cost can be broken down by. */
export const BREAKDOWN_DIMENSIONS = [
  'service',
  'category',
  'provider',
  'account',
  'region',
  'namespace',
  'cluster',
  'environment',
  'component',
] as const;
export type BreakdownDimension = (typeof BREAKDOWN_DIMENSIONS)[number];

/** How a cost reached a team. */
export type AllocationKind = 'direct' | 'cluster' | 'shared';

/** The period, currency and measure a report covers. */
export type ReportScope = {
  from: string;
  to: string;
  currency: string;
  measure: CostMeasure;
  /** The last day whose data is complete; `to` never goes past it. */
  completeThrough: string | null;
  /**
   * Costs in currencies that cannot be converted to `currency` (no
   * configured rate): reported here, never summed into the figures.
   */
  unconverted: Array<{ currency: string; amount: number }>;
};

/** One team in the cost overview. */
export type TeamCostSummary = {
  entityRef: string;
  name: string;
  title: string;
  parentRef: string | null;
  total: number;
  previousTotal: number;
  /** Relative change against the previous period of equal length; null when that was 0. */
  change: number | null;
  monthlyBudget: number | null;
  /** Cost of the period against the budget prorated to the period's length. */
  budgetUse: number | null;
};

export type TeamsResponse = ReportScope & {
  teams: TeamCostSummary[];
  /** Present for callers who may see the whole organisation (finance, root members). */
  organization?: {
    billTotal: number;
    unallocated: number;
    idle: number;
  };
};

export type CostPoint = { date: string; amount: number };

export type BreakdownItem = { key: string; amount: number };

export type ChildTeamShare = {
  entityRef: string;
  title: string;
  amount: number;
  share: number;
};

export type TeamCostResponse = ReportScope & {
  team: { entityRef: string; title: string };
  granularity: Granularity;
  groupBy: BreakdownDimension;
  total: number;
  /** The total of the previous period of equal length. */
  previousTotal: number;
  /** The team's monthly budget in the report currency, when it has one. */
  monthlyBudget: number | null;
  /** By how the cost reached the team: direct tags, cluster share, shared rules. */
  byAllocation: Record<AllocationKind, number>;
  series: CostPoint[];
  breakdown: BreakdownItem[];
  children: ChildTeamShare[];
  /** The cluster sample day used for each cluster share, when it was not the day itself. */
  clusterSamples: Array<{
    cluster: string;
    sampleDay: string;
    forDays: string[];
  }>;
};

/** A component's or resource's cost: by its `service` tag and its namespaces. */
export type EntityCostResponse = ReportScope & {
  entityRef: string;
  ownerRef: string;
  total: number;
  previousTotal: number;
  series: CostPoint[];
  namespaces: string[];
  breakdown: BreakdownItem[];
};

export type NamespaceQuota = {
  resource: 'cpu' | 'memory' | 'pods';
  hard: number | null;
  used: number | null;
  requested: number;
};

export type TenantNamespace = {
  cluster: string;
  namespace: string;
  environment: string | null;
  labels: Record<string, string>;
  component: string | null;
  podSecurity: string | null;
  hasNetworkPolicy: boolean;
  hasLimitRange: boolean;
  quotas: NamespaceQuota[];
  sampleDay: string;
  cost: number;
};

export type TeamTenancyResponse = ReportScope & {
  team: { entityRef: string; title: string };
  namespaces: TenantNamespace[];
};

export type UnallocatedItem = {
  resourceId: string | null;
  resourceName: string | null;
  service: string;
  /** SubAccountId. */
  account: string;
  /** SubAccountName, when the export has it. */
  accountName: string | null;
  provider: string;
  amount: number;
};

export type UnallocatedResponse = ReportScope & {
  total: number;
  items: UnallocatedItem[];
};

export type IngestionRun = {
  id: number;
  source: string;
  trigger: 'schedule' | 'manual' | 'startup';
  startedAt: string;
  durationMs: number | null;
  outcome: 'running' | 'succeeded' | 'failed' | 'partial';
  files: number;
  rows: number;
  rejectedRows: number;
  error: string | null;
};

export type IngestionRunsResponse = { runs: IngestionRun[] };
