import {
  StatusOK,
  StatusWarning,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { TenantNamespace } from '@internal/plugin-cost-tenancy-common';
import { costTenancyApiRef } from '../../api/CostTenancyApi';
import { formatMoney } from '../../lib/format';
import { useCostReport } from '../../lib/useCostReport';
import { loadingOrError, NoCostData } from '../CostStates';
import { WithPeriodPicker } from '../PeriodPicker';
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
  const {
    period,
    setPeriod,
    anchor,
    report: tenancy,
  } = useCostReport(
    range => api.getTeamTenancy(ref, range),
    [api, ref.namespace, ref.name],
  );

  const namespaces = tenancy.value?.namespaces ?? [];
  let body = loadingOrError(tenancy);
  if (!body && namespaces.length === 0) {
    body = (
      <NoCostData
        title="No namespaces for this team"
        description={`No namespace on a known cluster has the label team: ${entity.metadata.name} (or tenant). Create one with the Tenant namespace template.`}
      />
    );
  } else if (!body) {
    const value = tenancy.value!;
    body = (
      <Table
        title={`Namespaces, cost ${value.from} to ${value.to}`}
        options={{ paging: false, search: false, padding: 'dense' }}
        columns={columns(value.currency)}
        data={namespaces.map(n => ({
          ...n,
          id: `${n.cluster}/${n.namespace}`,
        }))}
      />
    );
  }
  return (
    <WithPeriodPicker period={period} anchor={anchor} onChange={setPeriod}>
      {body}
    </WithPeriodPicker>
  );
}
