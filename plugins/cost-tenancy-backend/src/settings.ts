import { Config } from '@backstage/config';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { parseBudget } from './teams/TeamDirectory';
import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { SharedCostRule } from './allocation/allocateCosts';
import { DEFAULT_TAG_KEYS, TagKeys } from './focus/dailyCosts';
import { BillingSource } from './ingestion/billingSources';
import { ClusterSnapshot } from './clusters/ClusterSnapshots';
import { ReportSettings } from './service/CostReports';

const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { hours: 6 },
  timeout: { minutes: 30 },
  initialDelay: { minutes: 1 },
};

export type CostTenancySettings = ReportSettings & {
  sources: BillingSource[];
  snapshots: ClusterSnapshot[];
  readLiveClusters: boolean;
  tagKeys: TagKeys;
  maxFileBytes: number;
  financeGroups: string[];
  /** Monthly budgets by group ref, for groups without the budget annotation. */
  budgets: Record<string, string>;
  schedule: SchedulerServiceTaskScheduleDefinition;
};

/** The plugin's settings from `costTenancy`, with the defaults config.d.ts names. */
export function readSettings(config: Config): CostTenancySettings {
  const c = config.getOptionalConfig('costTenancy');
  const list = (key: string, fallback: string[]) =>
    c?.getOptionalStringArray(key) ?? fallback;
  const rates = c?.getOptionalConfig('currency.rates');
  return {
    baseCurrency: c?.getOptionalString('currency.base') ?? 'USD',
    rates: Object.fromEntries(
      (rates?.keys() ?? []).map(key => [key, rates!.getNumber(key)]),
    ),
    namespaceTeamLabels: list('allocation.namespaceTeamLabels', [
      'team',
      'tenant',
    ]),
    weights: {
      cpu: c?.getOptionalNumber('allocation.weights.cpu') ?? 0.5,
      memory: c?.getOptionalNumber('allocation.weights.memory') ?? 0.5,
    },
    sharedCostRules: (
      c?.getOptionalConfigArray('allocation.sharedCosts') ?? []
    ).map(rule => ({
      name: rule.getString('name'),
      match: rule.getConfig('match').get() as SharedCostRule['match'],
      split:
        rule.getOptionalString('split') === 'even' ? 'even' : 'proportional',
    })),
    sources: (c?.getOptionalConfigArray('billing.sources') ?? []).map(s => ({
      name: s.getString('name'),
      path: s.getOptionalString('path'),
      url: s.getOptionalString('url'),
    })),
    snapshots: (c?.getOptionalConfigArray('clusters.snapshots') ?? []).map(
      s => ({
        cluster: s.getString('cluster'),
        path: s.getString('path'),
        day: s.getOptionalString('day'),
      }),
    ),
    readLiveClusters: c?.getOptionalBoolean('clusters.readLive') ?? true,
    tagKeys: {
      team: list('allocation.teamTagKeys', DEFAULT_TAG_KEYS.team),
      cluster: list('allocation.clusterTagKeys', DEFAULT_TAG_KEYS.cluster),
      environment: list(
        'allocation.environmentTagKeys',
        DEFAULT_TAG_KEYS.environment,
      ),
      service: list('allocation.serviceTagKeys', DEFAULT_TAG_KEYS.service),
    },
    maxFileBytes:
      (c?.getOptionalNumber('billing.maxFileSizeMiB') ?? 2048) * 1024 * 1024,
    financeGroups: list('access.financeGroups', ['group:default/finance']),
    budgets: readBudgets(c?.getOptionalConfigArray('budgets') ?? []),
    schedule: c?.has('schedule')
      ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
          c.getConfig('schedule'),
        )
      : DEFAULT_SCHEDULE,
  };
}

/** `costTenancy.budgets`: monthly budgets of groups (a ref, or a name in the default namespace). */
function readBudgets(entries: Config[]): Record<string, string> {
  const budgets: Record<string, string> = {};
  entries.forEach((entry, index) => {
    const ref = stringifyEntityRef(
      parseEntityRef(entry.getString('group'), {
        defaultKind: 'group',
        defaultNamespace: 'default',
      }),
    );
    const value = String(entry.get('monthly'));
    if (!parseBudget(value)) {
      throw new Error(
        `costTenancy.budgets[${index}].monthly: must be an amount with an optional ISO 4217 currency, such as 2600 or '2600 USD'; got ${JSON.stringify(
          value,
        )}`,
      );
    }
    budgets[ref] = value;
  });
  return budgets;
}
