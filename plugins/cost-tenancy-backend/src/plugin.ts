import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { costTenancyPermissions } from '@internal/plugin-cost-tenancy-common';
import { ClusterSnapshots } from './clusters/ClusterSnapshots';
import {
  KubernetesClusterReader,
  liveClusters,
} from './clusters/KubernetesClusterReader';
import { BillingIngestion } from './ingestion/BillingIngestion';
import { CostReports } from './service/CostReports';
import { createRouter } from './service/router';
import { readSettings } from './settings';
import { CostStore } from './store/CostStore';
import { TeamDirectory } from './teams/TeamDirectory';

const TEAMS_TTL_MS = 30_000;

/**
 * The cost and tenancy backend: ingests FOCUS billing exports and cluster
 * data on a schedule, allocates cost to the catalog's teams and serves it
 * at /api/cost-tenancy.
 */
export const costTenancyPlugin = createBackendPlugin({
  pluginId: 'cost-tenancy',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        userInfo: coreServices.userInfo,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        urlReader: coreServices.urlReader,
        catalog: catalogServiceRef,
      },
      async init(deps) {
        const { config, logger, scheduler, auth, catalog } = deps;
        const settings = readSettings(config);
        const store = await CostStore.create({ database: deps.database });
        deps.permissionsRegistry.addPermissions(costTenancyPermissions);

        const baseDir = process.cwd();
        const billing = new BillingIngestion({
          store,
          reader: deps.urlReader,
          logger,
          sources: settings.sources,
          tagKeys: settings.tagKeys,
          maxFileBytes: settings.maxFileBytes,
          baseDir,
        });
        const clusters = new ClusterSnapshots({
          store,
          logger,
          snapshots: settings.snapshots,
          baseDir,
        });
        const live = new KubernetesClusterReader({
          store,
          logger,
          clusters: settings.readLiveClusters
            ? liveClusters(config, logger)
            : [],
        });
        const ingestAll = async (
          trigger: 'schedule' | 'manual' | 'startup',
        ) => {
          await clusters.readAll();
          await live.readAll();
          await billing.runAll(trigger);
        };

        let ready = (await store.runs(1)).some(r => r.outcome !== 'running');
        if (!ready) {
          // First start: ingest before the API reports data (503 until then).
          ingestAll('startup')
            .catch(error => logger.error(`First ingestion failed: ${error}`))
            .finally(() => {
              ready = true;
            });
        }
        await scheduler.scheduleTask({
          id: 'cost-tenancy-ingestion',
          ...settings.schedule,
          scope: 'global',
          fn: () => ingestAll('schedule'),
        });

        let cached: { at: number; teams: TeamDirectory } | undefined;
        const teams = async () => {
          if (!cached || Date.now() - cached.at > TEAMS_TTL_MS) {
            const { items } = await catalog.getEntities(
              { filter: { kind: 'Group' } },
              { credentials: await auth.getOwnServiceCredentials() },
            );
            const directory = new TeamDirectory(items, settings.budgets);
            // Right after startup the catalog may not have read the groups
            // yet: an empty answer is used, never kept.
            if (items.length === 0) return directory;
            cached = { at: Date.now(), teams: directory };
          }
          return cached.teams;
        };

        deps.httpRouter.use(
          await createRouter({
            ...deps,
            store,
            reports: new CostReports(store, settings),
            financeGroups: settings.financeGroups,
            teams,
            ready: () => ready,
            ingestNow: () => ingestAll('manual'),
          }),
        );
      },
    });
  },
});
