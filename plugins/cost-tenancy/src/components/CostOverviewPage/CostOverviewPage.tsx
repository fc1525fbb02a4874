import {
  Content,
  Header,
  InfoCard,
  Link,
  Page,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/frontend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { Grid, Typography } from '@material-ui/core';
import {
  TeamCostSummary,
  TeamsResponse,
} from '@internal/plugin-cost-tenancy-common';
import { costTenancyApiRef } from '../../api/CostTenancyApi';
import { formatChange, formatMoney, formatShare } from '../../lib/format';
import { useCostReport } from '../../lib/useCostReport';
import { loadingOrError, NoCostData } from '../CostStates';
import { WithPeriodPicker } from '../PeriodPicker';
import { UnallocatedCard } from './UnallocatedCard';

type Row = TeamCostSummary & { depth: number; id: string };

/** Teams in org-tree order: each parent followed by its children, most expensive first. */
export function treeOrder(teams: TeamCostSummary[]): Row[] {
  const refs = new Set(teams.map(t => t.entityRef));
  const children = new Map<string | null, TeamCostSummary[]>();
  for (const team of teams) {
    const parent =
      team.parentRef && refs.has(team.parentRef) ? team.parentRef : null;
    children.set(parent, [...(children.get(parent) ?? []), team]);
  }
  const rows: Row[] = [];
  const visit = (parent: string | null, depth: number) => {
    for (const team of [...(children.get(parent) ?? [])].sort(
      (a, b) => b.total - a.total,
    )) {
      rows.push({ ...team, depth, id: team.entityRef });
      visit(team.entityRef, depth + 1);
    }
  };
  visit(null, 0);
  return rows;
}

function columns(
  currency: string,
  teamPath: (ref: string) => string,
): TableColumn<Row>[] {
  return [
    {
      title: 'Team',
      field: 'title',
      highlight: true,
      render: row => (
        <span style={{ paddingLeft: row.depth * 24 }}>
          <Link to={teamPath(row.entityRef)}>{row.title}</Link>
        </span>
      ),
    },
    {
      title: 'Cost',
      field: 'total',
      type: 'numeric',
      render: row => formatMoney(row.total, currency),
    },
    {
      title: 'Change',
      field: 'change',
      type: 'numeric',
      customSort: (a, b) => (a.change ?? -Infinity) - (b.change ?? -Infinity),
      render: row => formatChange(row.change),
    },
    {
      title: 'Monthly budget',
      field: 'monthlyBudget',
      type: 'numeric',
      render: row =>
        row.monthlyBudget === null
          ? '–'
          : formatMoney(row.monthlyBudget, currency, 0),
    },
    {
      title: 'Budget use',
      field: 'budgetUse',
      type: 'numeric',
      customSort: (a, b) =>
        (a.budgetUse ?? -Infinity) - (b.budgetUse ?? -Infinity),
      render: row => formatShare(row.budgetUse),
    },
  ];
}

function Summary(props: { teams: TeamsResponse }) {
  const { organization, currency } = props.teams;
  if (!organization) return null;
  const items = [
    ['Bill total', organization.billTotal],
    ['Idle cluster capacity', organization.idle],
    ['Unallocated', organization.unallocated],
  ] as const;
  return (
    <Grid container spacing={2}>
      {items.map(([label, amount]) => (
        <Grid item xs={12} md={4} key={label}>
          <InfoCard title={label}>
            <Typography variant="h4" component="p">
              {formatMoney(amount, currency)}
            </Typography>
          </InfoCard>
        </Grid>
      ))}
    </Grid>
  );
}

/** /cost: every team the user may see, the org tree rolled up, and unallocated spend for finance. */
export function CostOverviewPage() {
  const api = useApi(costTenancyApiRef);
  const entityRoute = useRouteRef(entityRouteRef);
  const {
    period,
    setPeriod,
    anchor,
    report: teams,
  } = useCostReport(range => api.getTeams(range), [api]);
  const teamPath = (ref: string) =>
    `${entityRoute?.(parseEntityRef(ref)) ?? ''}/cost`;

  const value = teams.value;
  let body = loadingOrError(teams, 6);
  if (!body && (!value || value.teams.length === 0)) {
    body = (
      <NoCostData
        title="No teams to show"
        description="You are not a member of a team in the catalog, or no billing data has been ingested yet."
      />
    );
  } else if (!body && value) {
    body = (
      <Grid container spacing={3} direction="column">
        <Grid item>
          <Summary teams={value} />
        </Grid>
        <Grid item>
          <Table<Row>
            title={`Teams, ${value.from} to ${value.to}`}
            options={{ paging: false, search: false, padding: 'dense' }}
            columns={columns(value.currency, teamPath)}
            data={treeOrder(value.teams)}
          />
        </Grid>
        {value.organization && (
          <Grid item>
            <UnallocatedCard range={{ from: value.from, to: value.to }} />
          </Grid>
        )}
      </Grid>
    );
  }

  return (
    <Page themeId="tool">
      <Header
        title="Cost"
        subtitle="Cloud and cluster cost allocated to the catalog's teams"
      />
      <Content>
        <WithPeriodPicker period={period} anchor={anchor} onChange={setPeriod}>
          {body}
        </WithPeriodPicker>
      </Content>
    </Page>
  );
}
