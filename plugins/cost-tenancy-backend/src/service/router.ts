import { readFileSync } from 'node:fs';
import {
  HttpAuthService,
  PermissionsService,
  resolvePackagePath,
  UserInfoService,
  AuthService,
} from '@backstage/backend-plugin-api';
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  costTenancyIngestionRunPermission,
  costTenancyTeamReadPermission,
} from '@internal/plugin-cost-tenancy-common';
import { Request, Response, Router } from 'express';
import yaml from 'yaml';
import { CostStore } from '../store/CostStore';
import { TeamDirectory } from '../teams/TeamDirectory';
import { CostReports } from './CostReports';
import { toCsv } from '@internal/plugin-cost-tenancy-common';

const spec = yaml.parse(
  readFileSync(
    resolvePackagePath(
      '@internal/plugin-cost-tenancy-backend',
      'src/schema/openapi.yaml',
    ),
    'utf8',
  ),
);

export type RouterOptions = {
  httpAuth: HttpAuthService;
  auth: AuthService;
  userInfo: UserInfoService;
  permissions: PermissionsService;
  catalog: CatalogService;
  store: CostStore;
  reports: CostReports;
  financeGroups: string[];
  /** Loads the teams from the catalog (cached by the caller). */
  teams: () => Promise<TeamDirectory>;
  /** Whether the first ingestion has finished. */
  ready: () => boolean;
  /** Runs every ingestion now. */
  ingestNow: () => Promise<void>;
};

const wantsCsv = (req: Request) =>
  req.accepts(['application/json', 'text/csv']) === 'text/csv';

function sendCsv(
  res: Response,
  name: string,
  header: string[],
  rows: unknown[][],
) {
  res
    .type('text/csv; charset=utf-8')
    .attachment(`${name}.csv`)
    .send(toCsv(header, rows));
}

/** The plugin's HTTP API, as declared in src/schema/openapi.yaml. */
export async function createRouter(options: RouterOptions) {
  const { httpAuth, userInfo, permissions, reports } = options;
  // The spec is read from YAML at run time, so the router is typed by hand.
  const router = createValidatedOpenApiRouter(spec) as unknown as Router;

  /** The caller and the teams they may see; 401 without credentials. */
  async function caller(req: Request) {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    if (!options.ready()) {
      throw new ServiceUnavailableError(
        'The first ingestion of billing data has not finished yet; try again in a few seconds',
      );
    }
    const teams = await options.teams();
    const access = options.auth.isPrincipal(credentials, 'user')
      ? teams.visibility(
          (await userInfo.getUserInfo(credentials)).ownershipEntityRefs,
          options.financeGroups,
        )
      : // Services (other plugins, MCP actions) see everything.
        {
          visible: new Set(teams.teams.map(t => t.ref)),
          organizationWide: true,
        };
    return { credentials, teams, access };
  }

  /** The team the path names, if the caller may read it: 404 or 403 otherwise. */
  async function readableTeam(req: Request) {
    const who = await caller(req);
    const ref = stringifyEntityRef({
      kind: 'group',
      namespace: req.params.namespace,
      name: req.params.name,
    });
    const team = who.teams.get(ref);
    if (!team) throw new NotFoundError(`No team ${ref} in the catalog`);
    await checkTeamRead(who, ref);
    return { ...who, team };
  }

  async function checkTeamRead(
    who: Awaited<ReturnType<typeof caller>>,
    ref: string,
  ) {
    const [decision] = await permissions.authorize(
      [{ permission: costTenancyTeamReadPermission, resourceRef: ref }],
      { credentials: who.credentials },
    );
    if (
      decision.result !== AuthorizeResult.ALLOW ||
      !who.access.visible.has(ref)
    ) {
      throw new NotAllowedError(
        `You can see costs of your own teams and the teams under them; ${ref} is not one of them`,
      );
    }
  }

  router.get('/teams', async (req, res) => {
    const { teams, access } = await caller(req);
    const body = await reports.teams(req.query, teams, access);
    if (wantsCsv(req)) {
      sendCsv(
        res,
        `team-costs-${body.from}-${body.to}`,
        [
          'team',
          'title',
          'parent',
          `total (${body.currency})`,
          'previous total',
          'change',
          'monthly budget',
          'budget use',
        ],
        body.teams.map(t => [
          t.entityRef,
          t.title,
          t.parentRef,
          t.total,
          t.previousTotal,
          t.change,
          t.monthlyBudget,
          t.budgetUse,
        ]),
      );
      return;
    }
    res.json(body);
  });

  router.get('/teams/:namespace/:name/costs', async (req, res) => {
    const { teams, team } = await readableTeam(req);
    const body = await reports.teamCost(req.query, teams, team);
    if (wantsCsv(req)) {
      sendCsv(
        res,
        `${team.name}-costs-${body.from}-${body.to}`,
        ['date', `amount (${body.currency})`],
        body.series.map(p => [p.date, p.amount]),
      );
      return;
    }
    res.json(body);
  });

  router.get('/teams/:namespace/:name/tenancy', async (req, res) => {
    const { teams, team } = await readableTeam(req);
    const body = await reports.teamTenancy(req.query, teams, team);
    if (wantsCsv(req)) {
      sendCsv(
        res,
        `${team.name}-tenancy-${body.from}-${body.to}`,
        [
          'cluster',
          'namespace',
          'environment',
          'pod security',
          'network policy',
          'limit range',
          `cost (${body.currency})`,
        ],
        body.namespaces.map(n => [
          n.cluster,
          n.namespace,
          n.environment,
          n.podSecurity,
          n.hasNetworkPolicy,
          n.hasLimitRange,
          n.cost,
        ]),
      );
      return;
    }
    res.json(body);
  });

  router.get('/entities/:kind/:namespace/:name/costs', async (req, res) => {
    const who = await caller(req);
    const ref = stringifyEntityRef({
      kind: req.params.kind,
      namespace: req.params.namespace,
      name: req.params.name,
    });
    const entity = await options.catalog.getEntityByRef(ref, {
      credentials: await options.auth.getOwnServiceCredentials(),
    });
    if (!entity) throw new NotFoundError(`No entity ${ref} in the catalog`);
    const owner = entity.relations?.find(r => r.type === 'ownedBy')?.targetRef;
    if (!owner)
      throw new NotAllowedError(
        `${ref} has no owner, so no team may read its cost`,
      );
    await checkTeamRead(who, owner);
    const namespaces = (
      entity.metadata.annotations?.['backstage.io/kubernetes-namespace'] ?? ''
    )
      .split(',')
      .map(n => n.trim())
      .filter(Boolean);
    const body = await reports.entityCost(req.query, who.teams, {
      ref,
      ownerRef: owner,
      name: entity.metadata.name,
      namespaces,
    });
    if (wantsCsv(req)) {
      sendCsv(
        res,
        `${entity.metadata.name}-costs-${body.from}-${body.to}`,
        ['date', `amount (${body.currency})`],
        body.series.map(p => [p.date, p.amount]),
      );
      return;
    }
    res.json(body);
  });

  router.get('/unallocated', async (req, res) => {
    const { teams, access } = await caller(req);
    if (!access.organizationWide) {
      throw new NotAllowedError(
        'Unallocated spend is shown to finance and to members of the top-level groups',
      );
    }
    const body = await reports.unallocated(req.query, teams);
    if (wantsCsv(req)) {
      sendCsv(
        res,
        `unallocated-${body.from}-${body.to}`,
        [
          'resource id',
          'resource name',
          'service',
          'account',
          'account name',
          'provider',
          `amount (${body.currency})`,
        ],
        body.items.map(i => [
          i.resourceId,
          i.resourceName,
          i.service,
          i.account,
          i.accountName,
          i.provider,
          i.amount,
        ]),
      );
      return;
    }
    res.json(body);
  });

  router.get('/ingestion/runs', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    res.json({ runs: await options.store.runs() });
  });

  router.post('/ingestion/runs', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const [decision] = await permissions.authorize(
      [{ permission: costTenancyIngestionRunPermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError('You may not start ingestion runs');
    }
    const latest = (await options.store.runs(1))[0]?.id ?? 0;
    await options.ingestNow();
    const runs = (await options.store.runs()).filter(r => r.id > latest);
    res.status(202).json({ runs });
  });

  return router;
}
