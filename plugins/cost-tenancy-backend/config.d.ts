import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  /** The cost and tenancy plugin: billing exports, cluster data, allocation. */
  costTenancy?: {
    /** Billing exports in FOCUS 1.0-1.3 (CSV, gzip CSV or Parquet, told apart by content). */
    billing?: {
      /**
       * Where exports are delivered: `path` (a file or a folder, read
       * recursively, e.g. partitioned `BILLING_PERIOD=2026-10/` folders;
       * relative to the backend's working directory) or `url` (read through
       * Backstage's UrlReader, so S3, GCS and Azure Blob integrations apply).
       * Files named *.json, *.md, *.txt or starting with a dot are skipped.
       */
      sources?: Array<{
        /** Name of the source in run history and errors. */
        name: string;
        path?: string;
        url?: string;
      }>;
      /**
       * Largest export file read, in MiB; a larger file fails its run.
       * @defaultValue 2048
       */
      maxFileSizeMiB?: number;
    };
    /** Cluster data for the namespace shares of node cost and the Tenancy view. */
    clusters?: {
      /**
       * Read the `config` clusters of `kubernetes.clusterLocatorMethods` that
       * use a service account, live, read-only and paged (never Secrets).
       * @defaultValue true
       */
      readLive?: boolean;
      /**
       * Snapshots of clusters the portal cannot reach: the JSON of
       * `kubectl get namespaces,resourcequotas,limitranges,networkpolicies,pods,nodes -A -o json`.
       */
      snapshots?: Array<{
        /** Cluster name, as the node cost tags name it. */
        cluster: string;
        /** File path, relative to the backend's working directory. */
        path: string;
        /** Day the snapshot stands for (YYYY-MM-DD); the day it is read when absent. */
        day?: string;
      }>;
    };
    /** How costs reach teams. */
    allocation?: {
      /**
       * Cost tag keys naming a team, in order of preference.
       * @defaultValue [team, owner]
       */
      teamTagKeys?: string[];
      /**
       * Namespace labels naming a team, in order of preference.
       * @defaultValue [team, tenant]
       */
      namespaceTeamLabels?: string[];
      /**
       * Tags marking a cluster's nodes; `<name>` in a key takes the cluster name from the key.
       * @defaultValue [kubernetes.io/cluster/<name>, eks:cluster-name, aks-managed-cluster-name, goog-k8s-cluster-name]
       */
      clusterTagKeys?: string[];
      /**
       * Tag keys naming the environment.
       * @defaultValue [environment, env]
       */
      environmentTagKeys?: string[];
      /**
       * Tag keys naming the service (the catalog component).
       * @defaultValue [service, app]
       */
      serviceTagKeys?: string[];
      /** Weights of requested CPU and memory in a namespace's share of node cost. */
      weights?: {
        /** @defaultValue 0.5 */
        cpu?: number;
        /** @defaultValue 0.5 */
        memory?: number;
      };
      /**
       * Rules splitting untagged shared cost over the teams with cost that
       * day: `even`ly or in `proportional` to their cost.
       */
      sharedCosts?: Array<{
        name: string;
        /** Fields the cost must have: provider, service, category (ServiceCategory), account. */
        match: {
          provider?: string;
          service?: string;
          category?: string;
          account?: string;
        };
        /** @defaultValue proportional */
        split?: 'even' | 'proportional';
      }>;
    };
    /** Currencies: different currencies are never summed. */
    currency?: {
      /**
       * Currency the rates are against, and the report currency when the data has several.
       * @defaultValue USD
       */
      base?: string;
      /** Value of one unit of each currency in the base currency, e.g. EUR: 1.08. */
      rates?: { [currency: string]: number };
    };
    /** Who sees what beyond their own teams. */
    access?: {
      /**
       * Groups whose members see every team's cost and the unallocated spend.
       * @defaultValue [group:default/finance]
       */
      financeGroups?: string[];
    };
    /**
     * Monthly budgets of groups without a cost-tenancy/monthly-budget
     * annotation (the annotation wins).
     */
    budgets?: Array<{
      /** A group ref such as group:default/payments, or a name in the default namespace. */
      group: string;
      /** An amount with an optional ISO 4217 currency: 2600 or '2600 USD'. */
      monthly: string | number;
    }>;
    /** How often billing sources and cluster snapshots are read (default: every 6 hours). */
    schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
  };
}
