import { useEffect } from 'react';
import useAsync from 'react-use/esm/useAsync';
import {
  StatusOK,
  StatusWarning,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { Grid } from '@material-ui/core';
import { TenantNamespace } from '@internal/plugin-cost-tenancy-common';
import { costTenancyApiRef } from '../../api/CostTenancyApi';
import { formatMoney } from '../../lib/format';
import { useCostPeriod } from '../../lib/useCostPeriod';
import { CostError, CostSkeleton, NoCostData } from '../CostStates';
import { PeriodPicker } from '../PeriodPicker';
import { QuotaBar } from './QuotaBar';

function Mark(props: { ok: boolean; pass: string; warn: string }) {
  return props.ok ? (
    <StatusOK>{props.pass}</StatusOK>
  ) : (
    <StatusWarning>{props.warn}</StatusWarning>
  );
}

function columns(
  currency: string,
): TableColumn<TenantNamespace & { id: string }>[] {
  return [
    { title: 'Cluster', field: 'cluster' },
    { title: 'Namespace', field: 'namespace', highlight: true },
    {
      title: 'Environment',
      field: 'environment',
      render: row => row.environment ?? '–',
    },
    {
      title: 'Component',
      field: 'component',
      render: row => row.component ?? '–',
    },
    {
      title: 'Quotas',
      render: row => (
        <div style={{ minWidth: 220 }}>
          {row.quotas.map(quota => (
            <QuotaBar key={quota.resource} quota={quota} />
          ))}
        </div>
      ),
    },
    {
      title: 'Pod Security',
      render: row => (
        <Mark
          ok={row.podSecurity === 'restricted'}
          pass="restricted"
          warn={
            row.podSecurity
              ? `${row.podSecurity}, not restricted`
              : 'not enforced'
          }
        />
      ),
    },
    {
      title: 'Network policy',
      render: row => (
        <Mark
          ok={row.hasNetworkPolicy}
          pass="present"
          warn="none: all traffic allowed"
        />
      ),
    },
    {
      title: 'Limit range',
      render: row => (
        <Mark
          ok={row.hasLimitRange}
          pass="present"
          warn="none: pods may run without limits"
        />
      ),
    },
    {
      title: 'Cost',
      field: 'cost',
      type: 'numeric',
      render: row => formatMoney(row.cost, currency),
    },
  ];
}

/** A group's Tenancy tab: its namespaces by cluster, their quotas, policies and cost. */
export function TeamTenancyTab() {
  const { entity } = useEntity();
  const api = useApi(costTenancyApiRef);
  const ref = getCompoundEntityRef(entity);
  const { period, setPeriod, anchor, range, anchorTo } = useCostPeriod();
  const tenancy = useAsync(
    () => api.getTeamTenancy(ref, range),
    [api, ref.namespace, ref.name, range.from, range.to],
  );
  useEffect(
    () => anchorTo(tenancy.value?.completeThrough),
    [tenancy.value, anchorTo],
  );

  let body;
  if (tenancy.loading && !tenancy.value) {
    body = <CostSkeleton />;
  } else if (tenancy.error) {
    body = <CostError error={tenancy.error} />;
  } else if (!tenancy.value || tenancy.value.namespaces.length === 0) {
    body = (
      <NoCostData
        title="No namespaces for this team"
        description={`No namespace on a known cluster has the label team: ${entity.metadata.name} (or tenant). Create one with the Tenant namespace template.`}
      />
    );
  } else {
    const value = tenancy.value;
    body = (
      <Table
        title={`Namespaces, cost ${value.from} to ${value.to}`}
        options={{
          paging: false,
          search: false,
          padding: 'dense',
          grouping: false,
        }}
        columns={columns(value.currency)}
        data={value.namespaces.map(n => ({
          ...n,
          id: `${n.cluster}/${n.namespace}`,
        }))}
      />
    );
  }
  return (
    <Grid container spacing={3} direction="column">
      <Grid item>
        {anchor && (
          <PeriodPicker value={period} anchor={anchor} onChange={setPeriod} />
        )}
      </Grid>
      <Grid item>{body}</Grid>
    </Grid>
  );
}
