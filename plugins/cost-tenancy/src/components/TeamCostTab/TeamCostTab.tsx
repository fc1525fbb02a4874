import { useState } from 'react';
import { InfoCard, Table } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { Box, Button, Grid, Typography } from '@material-ui/core';
import { ToggleButton, ToggleButtonGroup } from '@material-ui/lab';
import {
  BreakdownDimension,
  Granularity,
  TeamCostResponse,
} from '@internal/plugin-cost-tenancy-common';
import { costTenancyApiRef } from '../../api/CostTenancyApi';
import { downloadCsv } from '../../lib/csv';
import { formatChange, formatMoney, formatShare } from '../../lib/format';
import { useCostReport } from '../../lib/useCostReport';
import { CostChart } from '../CostChart';
import { loadingOrError, NoCostData } from '../CostStates';
import { WithPeriodPicker } from '../PeriodPicker';
import { Breakdown } from './Breakdown';
import { monthEndForecast } from './forecast';

const DAYS_PER_MONTH = 365 / 12;

function Figure(props: { label: string; value: string; detail?: string }) {
  return (
    <Grid item xs={12} sm={6} md={3}>
      <InfoCard title={props.label} noPadding={false}>
        <Typography variant="h5" component="p">
          {props.value}
        </Typography>
        {props.detail && (
          <Typography variant="body2" color="textSecondary">
            {props.detail}
          </Typography>
        )}
      </InfoCard>
    </Grid>
  );
}

function Figures(props: { cost: TeamCostResponse }) {
  const { cost } = props;
  const days = (Date.parse(cost.to) - Date.parse(cost.from)) / 86_400_000 + 1;
  const budget =
    cost.monthlyBudget === null
      ? null
      : (cost.monthlyBudget * days) / DAYS_PER_MONTH;
  const change =
    cost.previousTotal === 0
      ? null
      : (cost.total - cost.previousTotal) / Math.abs(cost.previousTotal);
  const forecast =
    cost.granularity === 'day'
      ? monthEndForecast(cost.series, cost.to)
      : undefined;
  return (
    <Grid container spacing={2}>
      <Figure
        label="Cost"
        value={formatMoney(cost.total, cost.currency)}
        detail={`${cost.from} to ${cost.to}`}
      />
      <Figure
        label="Change"
        value={formatChange(change)}
        detail={`against ${formatMoney(
          cost.previousTotal,
          cost.currency,
        )} in the ${days} days before`}
      />
      <Figure
        label="Budget use"
        value={budget ? formatShare(cost.total / budget) : 'No budget'}
        detail={
          cost.monthlyBudget === null
            ? 'Set the cost-tenancy/monthly-budget annotation on the group'
            : `of ${formatMoney(cost.monthlyBudget, cost.currency, 0)} a month`
        }
      />
      <Figure
        label="Month-end forecast"
        value={
          forecast === undefined ? '–' : formatMoney(forecast, cost.currency)
        }
        detail={
          forecast === undefined
            ? 'when the period ends in an unfinished month'
            : `for ${cost.to.slice(0, 7)}, at this month's daily average`
        }
      />
    </Grid>
  );
}

function HowAllocated(props: { cost: TeamCostResponse }) {
  const { cost } = props;
  const rows = [
    [
      'Tagged to the team',
      cost.byAllocation.direct,
      'Resources whose cost tags name the team or one of its aliases.',
    ],
    [
      'Share of cluster nodes',
      cost.byAllocation.cluster,
      "Node cost split by the CPU and memory the team's namespaces request; the unrequested rest is the cluster's idle cost, shown to finance on the Cost page.",
    ],
    [
      'Shared cost',
      cost.byAllocation.shared,
      'Untagged shared cost, such as networking, split over the teams by the configured rules.',
    ],
  ] as const;
  return (
    <InfoCard title="How the cost reached the team">
      {rows.map(([label, amount, explanation]) => (
        <Box key={label} mb={1}>
          <Typography variant="subtitle2">
            {label}: {formatMoney(amount, cost.currency)}
          </Typography>
          <Typography variant="body2" color="textSecondary">
            {explanation}
          </Typography>
        </Box>
      ))}
      {cost.clusterSamples.map(sample => (
        <Typography
          key={`${sample.cluster}-${sample.sampleDay}`}
          variant="body2"
          color="textSecondary"
        >
          {sample.cluster}: {sample.forDays.length} day(s) without their own
          cluster sample used the one of {sample.sampleDay}.
        </Typography>
      ))}
    </InfoCard>
  );
}

/** The budget for one day or one month of the chart. */
function budgetPerStep(cost: TeamCostResponse) {
  if (cost.monthlyBudget === null) return null;
  return cost.granularity === 'day'
    ? cost.monthlyBudget / DAYS_PER_MONTH
    : cost.monthlyBudget;
}

function download(cost: TeamCostResponse, name: string) {
  downloadCsv(
    `${name}-cost-${cost.from}-${cost.to}`,
    ['section', 'item', `amount (${cost.currency})`],
    [
      ...cost.series.map(p => ['cost over time', p.date, p.amount]),
      ...cost.breakdown.map(b => [`by ${cost.groupBy}`, b.key, b.amount]),
      ...cost.children.map(c => ['child team', c.title, c.amount]),
    ],
  );
}

/** The report of one period: figures, chart, breakdown, child teams, how the cost came. */
function TeamCostReport(props: {
  cost: TeamCostResponse;
  name: string;
  onGranularityChange(granularity: Granularity): void;
  onGroupByChange(groupBy: BreakdownDimension): void;
}) {
  const { cost } = props;
  const days = cost.granularity === 'day';
  return (
    <Grid container spacing={3} direction="column">
      <Grid item>
        <Figures cost={cost} />
      </Grid>
      <Grid item>
        <InfoCard
          title="Cost over time"
          actionsTopRight={
            <ToggleButtonGroup
              size="small"
              exclusive
              value={cost.granularity}
              onChange={(_, value) => value && props.onGranularityChange(value)}
              aria-label="Granularity"
            >
              <ToggleButton value="day">Daily</ToggleButton>
              <ToggleButton value="month">Monthly</ToggleButton>
            </ToggleButtonGroup>
          }
        >
          <CostChart
            title={`${cost.team.title} cost ${days ? 'per day' : 'per month'}`}
            series={cost.series}
            currency={cost.currency}
            budgetPerStep={budgetPerStep(cost)}
          />
        </InfoCard>
      </Grid>
      <Grid item>
        <Breakdown
          items={cost.breakdown}
          total={cost.total}
          currency={cost.currency}
          groupBy={cost.groupBy}
          onGroupByChange={props.onGroupByChange}
        />
      </Grid>
      {cost.children.length > 0 && (
        <Grid item>
          <Table
            title="Teams under this one"
            options={{ paging: false, search: false, padding: 'dense' }}
            columns={[
              { title: 'Team', field: 'title' },
              {
                title: 'Cost',
                field: 'amount',
                type: 'numeric',
                render: row => formatMoney(row.amount, cost.currency),
              },
              {
                title: 'Share',
                field: 'share',
                type: 'numeric',
                render: row => formatShare(row.share),
              },
            ]}
            data={cost.children.map(c => ({ ...c, id: c.entityRef }))}
          />
        </Grid>
      )}
      <Grid item>
        <HowAllocated cost={cost} />
      </Grid>
      <Grid item>
        <Button variant="outlined" onClick={() => download(cost, props.name)}>
          Download CSV
        </Button>
      </Grid>
    </Grid>
  );
}

/** A group's Cost tab: cost over time, change, budget, forecast, breakdowns and child teams. */
export function TeamCostTab() {
  const { entity } = useEntity();
  const api = useApi(costTenancyApiRef);
  const ref = getCompoundEntityRef(entity);
  const [granularity, setGranularity] = useState<Granularity>('day');
  const [groupBy, setGroupBy] = useState<BreakdownDimension>('service');
  const {
    period,
    setPeriod,
    anchor,
    report: costs,
  } = useCostReport(
    range => api.getTeamCosts(ref, { ...range, granularity, groupBy }),
    [api, ref.namespace, ref.name, granularity, groupBy],
  );

  const cost = costs.value;
  let body = loadingOrError(costs);
  if (!body && cost && cost.total === 0 && cost.breakdown.length === 0) {
    body = (
      <NoCostData
        title={`No cost is allocated to ${cost.team.title} in this period`}
        description={`No resources are tagged team: ${entity.metadata.name}, and no namespace labelled team: ${entity.metadata.name} ran on a cluster. Tag the team's resources, or add the tag value they carry to the group's cost-tenancy/aliases annotation.`}
      />
    );
  } else if (!body && cost) {
    body = (
      <TeamCostReport
        cost={cost}
        name={entity.metadata.name}
        onGranularityChange={setGranularity}
        onGroupByChange={setGroupBy}
      />
    );
  }
  return (
    <WithPeriodPicker period={period} anchor={anchor} onChange={setPeriod}>
      {body}
    </WithPeriodPicker>
  );
}
