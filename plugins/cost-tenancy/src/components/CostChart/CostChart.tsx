import {
  Area,
  AreaChart,
  CartesianGrid,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useTheme } from '@material-ui/core';
import { CostPoint } from '@internal/plugin-cost-tenancy-common';
import { formatMoney } from '../../lib/format';

/**
 * Cost over time, with the budget for one step of the series as a line.
 * The same numbers are in a table for screen readers and keyboards.
 */
export function CostChart(props: {
  series: CostPoint[];
  currency: string;
  budgetPerStep?: number | null;
  title: string;
}) {
  const theme = useTheme();
  const { series, currency, budgetPerStep, title } = props;
  return (
    <figure style={{ margin: 0 }} aria-label={title}>
      <div aria-hidden="true" data-testid="cost-chart">
        <ResponsiveContainer width="100%" height={260}>
          <AreaChart
            data={series}
            margin={{ top: 10, right: 20, left: 10, bottom: 0 }}
          >
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="date" minTickGap={24} />
            <YAxis
              tickFormatter={value => formatMoney(value, currency, 0)}
              width={90}
              // Room for the budget line when the cost stays under it.
              domain={[
                0,
                (dataMax: number) =>
                  Math.max(dataMax, (budgetPerStep ?? 0) * 1.1),
              ]}
            />
            <Tooltip
              formatter={(value: number) => formatMoney(value, currency)}
            />
            <Area
              type="monotone"
              dataKey="amount"
              name="Cost"
              stroke={theme.palette.primary.main}
              fill={theme.palette.primary.light}
              isAnimationActive={false}
            />
            {budgetPerStep ? (
              <ReferenceLine
                y={budgetPerStep}
                stroke={theme.palette.error.main}
                strokeDasharray="6 3"
                label={{ value: 'Budget', position: 'insideTopRight' }}
              />
            ) : null}
          </AreaChart>
        </ResponsiveContainer>
      </div>
      <details>
        <summary>{title} as a table</summary>
        <table aria-label={title}>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Cost</th>
            </tr>
          </thead>
          <tbody>
            {series.map(point => (
              <tr key={point.date}>
                <td>{point.date}</td>
                <td>{formatMoney(point.amount, currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
