import {
  FormControl,
  InputLabel,
  LinearProgress,
  MenuItem,
  Select,
  makeStyles,
} from '@material-ui/core';
import { Table } from '@backstage/core-components';
import {
  BREAKDOWN_DIMENSIONS,
  BreakdownDimension,
  BreakdownItem,
} from '@internal/plugin-cost-tenancy-common';
import { formatMoney, formatShare } from '../../lib/format';

const LABELS: Record<BreakdownDimension, string> = {
  service: 'Service',
  category: 'Category',
  provider: 'Provider',
  account: 'Account',
  region: 'Region',
  namespace: 'Namespace',
  cluster: 'Cluster',
  environment: 'Environment',
  component: 'Component',
};

const useStyles = makeStyles({ bar: { minWidth: 120 } });

/** The period's cost by one dimension, as a table with share bars. */
export function Breakdown(props: {
  items: BreakdownItem[];
  total: number;
  currency: string;
  groupBy: BreakdownDimension;
  onGroupByChange(groupBy: BreakdownDimension): void;
}) {
  const classes = useStyles();
  const { items, total, currency, groupBy } = props;
  return (
    <Table<BreakdownItem & { id: string }>
      title={
        <FormControl>
          <InputLabel id="cost-breakdown-label">Breakdown by</InputLabel>
          <Select
            labelId="cost-breakdown-label"
            value={groupBy}
            onChange={event =>
              props.onGroupByChange(event.target.value as BreakdownDimension)
            }
          >
            {BREAKDOWN_DIMENSIONS.map(dimension => (
              <MenuItem key={dimension} value={dimension}>
                {LABELS[dimension]}
              </MenuItem>
            ))}
          </Select>
        </FormControl>
      }
      options={{ paging: false, search: false, padding: 'dense' }}
      columns={[
        { title: LABELS[groupBy], field: 'key' },
        {
          title: 'Cost',
          field: 'amount',
          type: 'numeric',
          render: row => formatMoney(row.amount, currency),
        },
        {
          title: 'Share',
          render: row => {
            const share = total === 0 ? 0 : row.amount / total;
            return (
              <div className={classes.bar}>
                <LinearProgress
                  variant="determinate"
                  value={Math.max(0, Math.min(100, share * 100))}
                  aria-label={`${row.key}: ${formatShare(share)} of the total`}
                />
                {formatShare(share)}
              </div>
            );
          },
        },
      ]}
      data={items.map(item => ({ ...item, id: item.key }))}
    />
  );
}
