import useAsync from 'react-use/esm/useAsync';
import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { Typography } from '@material-ui/core';
import { Area, AreaChart, ResponsiveContainer } from 'recharts';
import { costTenancyApiRef } from '../../api/CostTenancyApi';
import { formatChange, formatMoney } from '../../lib/format';
import { CostError, CostSkeleton } from '../CostStates';

/** A component's cost over the last 30 complete days, its trend and its namespaces. */
export function ComponentCostCard() {
  const { entity } = useEntity();
  const api = useApi(costTenancyApiRef);
  const ref = getCompoundEntityRef(entity);
  const cost = useAsync(
    () => api.getEntityCosts(ref, {}),
    [api, ref.kind, ref.namespace, ref.name],
  );

  let body;
  if (cost.loading) {
    body = <CostSkeleton rows={1} />;
  } else if (cost.error) {
    body = <CostError error={cost.error} />;
  } else {
    const value = cost.value!;
    const change =
      value.previousTotal === 0
        ? null
        : (value.total - value.previousTotal) / Math.abs(value.previousTotal);
    body =
      value.total === 0 ? (
        <Typography variant="body2">
          No cost found for {entity.metadata.name}: tag its resources with
          service: {entity.metadata.name}, or set the
          backstage.io/kubernetes-namespace annotation to its namespaces.
        </Typography>
      ) : (
        <>
          <Typography variant="h5" component="p">
            {formatMoney(value.total, value.currency)}
          </Typography>
          <Typography variant="body2" color="textSecondary">
            {value.from} to {value.to}, {formatChange(change)} against the 30
            days before
          </Typography>
          <div aria-hidden="true">
            <ResponsiveContainer width="100%" height={60}>
              <AreaChart data={value.series}>
                <Area
                  type="monotone"
                  dataKey="amount"
                  isAnimationActive={false}
                />
              </AreaChart>
            </ResponsiveContainer>
          </div>
          <Typography variant="body2">
            Namespaces:{' '}
            {value.namespaces.length > 0
              ? value.namespaces.join(', ')
              : 'none annotated'}
          </Typography>
        </>
      );
  }
  return <InfoCard title="Cost, last 30 days">{body}</InfoCard>;
}
