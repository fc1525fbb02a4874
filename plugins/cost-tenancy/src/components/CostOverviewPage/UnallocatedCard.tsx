import useAsync from 'react-use/esm/useAsync';
import { Table } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { UnallocatedItem } from '@internal/plugin-cost-tenancy-common';
import { costTenancyApiRef } from '../../api/CostTenancyApi';
import { formatMoney } from '../../lib/format';
import { CostError, CostSkeleton } from '../CostStates';

/** The spend no tag, cluster or rule gives to a team, biggest first, so someone can tag it. */
export function UnallocatedCard(props: {
  range: { from: string; to: string };
}) {
  const api = useApi(costTenancyApiRef);
  const { from, to } = props.range;
  const unallocated = useAsync(
    () => api.getUnallocated({ from, to }),
    [api, from, to],
  );
  if (unallocated.loading) return <CostSkeleton rows={3} />;
  if (unallocated.error) return <CostError error={unallocated.error} />;
  const value = unallocated.value!;
  return (
    <Table<UnallocatedItem & { id: number }>
      title={`Unallocated: ${formatMoney(value.total, value.currency)}`}
      subtitle="Top resources no team tag, cluster or shared-cost rule accounts for. Tag them with team to allocate them."
      options={{ paging: false, search: false, padding: 'dense' }}
      columns={[
        {
          title: 'Resource',
          render: row =>
            row.resourceName ?? row.resourceId ?? '(no resource id)',
        },
        { title: 'Service', field: 'service' },
        {
          title: 'Account',
          render: row =>
            row.accountName
              ? `${row.accountName} (${row.account})`
              : row.account,
        },
        { title: 'Provider', field: 'provider' },
        {
          title: 'Cost',
          field: 'amount',
          type: 'numeric',
          render: row => formatMoney(row.amount, value.currency),
        },
      ]}
      data={value.items.map((item, id) => ({ ...item, id }))}
    />
  );
}
