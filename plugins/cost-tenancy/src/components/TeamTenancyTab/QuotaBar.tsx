import { LinearProgress, Typography } from '@material-ui/core';
import { NamespaceQuota } from '@internal/plugin-cost-tenancy-common';

const GIB = 2 ** 30;

function amount(resource: NamespaceQuota['resource'], value: number) {
  if (resource === 'memory') return `${(value / GIB).toFixed(1)} GiB`;
  if (resource === 'cpu') {
    const cores = Number(value.toFixed(2));
    return `${cores} ${cores === 1 ? 'core' : 'cores'}`;
  }
  return String(Math.round(value));
}

/** A quota as a bar: used of hard, with what the pods request. */
export function QuotaBar(props: { quota: NamespaceQuota }) {
  const { resource, hard, used, requested } = props.quota;
  if (hard === null) {
    return (
      <Typography variant="body2" color="textSecondary">
        no quota; {amount(resource, requested)} requested
      </Typography>
    );
  }
  const shown = used ?? requested;
  const percent = hard === 0 ? 100 : Math.min(100, (shown / hard) * 100);
  const label = `${resource}: ${amount(resource, shown)} used of ${amount(
    resource,
    hard,
  )}, ${amount(resource, requested)} requested`;
  return (
    <div>
      <LinearProgress
        variant="determinate"
        value={percent}
        color={percent >= 90 ? 'secondary' : 'primary'}
        aria-label={label}
      />
      <Typography variant="caption">{label}</Typography>
    </div>
  );
}
