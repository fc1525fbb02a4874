import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderForEntity } from '../../__testUtils__/renderTab';
import {
  apiError,
  fakeCostApi,
  teamCostResponse,
} from '../../__testUtils__/costData';
import { TeamCostTab } from './TeamCostTab';
import { monthEndForecast } from './forecast';

const money = (n: number) =>
  new Intl.NumberFormat(undefined, {
    style: 'currency',
    currency: 'USD',
  }).format(n);

const render = (api: ReturnType<typeof fakeCostApi>) =>
  renderForEntity(<TeamCostTab />, api);

describe('TeamCostTab', () => {
  it("shows the team's total, change, budget use, chart table and breakdown from the API", async () => {
    const getTeamCosts = jest.fn().mockResolvedValue(teamCostResponse);
    await render(fakeCostApi({ getTeamCosts }));

    expect(await screen.findByText(money(2169.38))).toBeInTheDocument();
    expect(screen.getByText('+10%')).toBeInTheDocument();
    // 2169.38 of a 2600 budget prorated to 31 days.
    expect(
      screen.getByText(
        new Intl.NumberFormat(undefined, {
          style: 'percent',
          maximumFractionDigits: 1,
        }).format(2169.38 / ((2600 * 31 * 12) / 365)),
      ),
    ).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Payments cost per day' });
    expect(within(table).getByText(money(1000.38))).toBeInTheDocument();
    expect(
      screen.getByText('Amazon Relational Database Service'),
    ).toBeInTheDocument();
    expect(screen.getByText(money(1500.38))).toBeInTheDocument();
    expect(
      screen.getByText(`Share of cluster nodes: ${money(600.88)}`),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /prod-eu-cluster: 2 day\(s\) without their own cluster sample used the one of 2026-11-26/,
      ),
    ).toBeInTheDocument();
    expect(getTeamCosts).toHaveBeenCalledWith(
      { kind: 'Group', namespace: 'default', name: 'payments' },
      { granularity: 'day', groupBy: 'service' },
    );
  });

  it('asks again by month and by another breakdown', async () => {
    const getTeamCosts = jest.fn().mockResolvedValue(teamCostResponse);
    await render(fakeCostApi({ getTeamCosts }));
    await userEvent.click(
      await screen.findByRole('button', { name: 'Monthly' }),
    );
    expect(getTeamCosts).toHaveBeenLastCalledWith(
      expect.anything(),
      expect.objectContaining({
        granularity: 'month',
        from: '2026-10-26',
        to: '2026-11-24',
      }),
    );
  });

  it('shows placeholders while the cost loads', async () => {
    await render(fakeCostApi({ getTeamCosts: () => new Promise(() => {}) }));
    expect(
      await screen.findByLabelText('Loading cost data'),
    ).toBeInTheDocument();
  });

  it('says why there is no cost and what to do', async () => {
    await render(
      fakeCostApi({
        getTeamCosts: jest.fn().mockResolvedValue({
          ...teamCostResponse,
          total: 0,
          breakdown: [],
          series: [],
        }),
      }),
    );
    expect(
      await screen.findByText(
        'No cost is allocated to Payments in this period',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/No resources are tagged team: payments/),
    ).toBeInTheDocument();
  });

  it('explains a 403', async () => {
    await render(
      fakeCostApi({
        getTeamCosts: jest.fn().mockRejectedValue(apiError(403, 'no')),
      }),
    );
    expect(
      await screen.findByText(
        /you can see costs of your own teams and the teams under them/i,
      ),
    ).toBeInTheDocument();
  });
});

describe('monthEndForecast', () => {
  it('adds the average day so far for each day left in the month', () => {
    const series = Array.from({ length: 10 }, (_, i) => ({
      date: `2026-11-${String(i + 1).padStart(2, '0')}`,
      amount: 10,
    }));
    expect(monthEndForecast(series, '2026-11-10')).toBe(300);
  });

  it('has nothing to say about a finished month or one not fully in the series', () => {
    expect(
      monthEndForecast([{ date: '2026-10-31', amount: 5 }], '2026-10-31'),
    ).toBeUndefined();
    expect(
      monthEndForecast([{ date: '2026-11-10', amount: 5 }], '2026-11-10'),
    ).toBeUndefined();
  });
});
