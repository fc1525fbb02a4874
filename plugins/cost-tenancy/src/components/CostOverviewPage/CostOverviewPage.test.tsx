import { screen, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { costTenancyApiRef } from '../../api/CostTenancyApi';
import {
  apiError,
  fakeCostApi,
  teamsResponse,
} from '../../__testUtils__/costData';
import { CostOverviewPage, treeOrder } from './CostOverviewPage';

const mountedRoutes = { '/catalog/:namespace/:kind/:name': entityRouteRef };
const money = (n: number) =>
  new Intl.NumberFormat(undefined, {
    style: 'currency',
    currency: 'USD',
  }).format(n);

describe('CostOverviewPage', () => {
  it('lists the teams in org-tree order with the amounts the API gave, linking each to its Cost tab', async () => {
    const api = fakeCostApi({
      getTeams: jest.fn().mockResolvedValue(teamsResponse),
    });
    await renderInTestApp(<CostOverviewPage />, {
      apis: [[costTenancyApiRef, api]],
      mountedRoutes,
    });

    const rows = (await screen.findAllByRole('row')).slice(1);
    expect(
      rows.map(row => within(row).getAllByRole('cell')[0].textContent),
    ).toEqual(['Engineering', 'Search', 'Payments']);
    expect(within(rows[1]).getByText(money(2609.15))).toBeInTheDocument();
    expect(within(rows[2]).getByText(money(2169.38))).toBeInTheDocument();
    expect(within(rows[2]).getByText('-1%')).toBeInTheDocument();
    expect(within(rows[1]).getByText('91.4%')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Payments' })).toHaveAttribute(
      'href',
      '/catalog/default/group/payments/cost',
    );
    expect(screen.queryByText('Bill total')).not.toBeInTheDocument();
  });

  it('shows finance the bill total, idle and unallocated spend with its top resources', async () => {
    const api = fakeCostApi({
      getTeams: jest.fn().mockResolvedValue({
        ...teamsResponse,
        organization: {
          billTotal: 11164.42,
          unallocated: 601.2,
          idle: 1204.9,
        },
      }),
      getUnallocated: jest.fn().mockResolvedValue({
        ...teamsResponse,
        total: 601.2,
        items: [
          {
            resourceId: 'arn:aws:s3:::acme-legacy-exports',
            resourceName: 'acme-legacy-exports',
            service: 'Amazon S3',
            account: '222222222222',
            accountName: 'acme-prod',
            provider: 'AWS',
            amount: 340.1,
          },
        ],
      }),
    });
    await renderInTestApp(<CostOverviewPage />, {
      apis: [[costTenancyApiRef, api]],
      mountedRoutes,
    });

    expect(await screen.findByText(money(11164.42))).toBeInTheDocument();
    expect(screen.getByText(money(1204.9))).toBeInTheDocument();
    expect(await screen.findByText('acme-legacy-exports')).toBeInTheDocument();
    expect(screen.getByText('acme-prod (222222222222)')).toBeInTheDocument();
    expect(
      screen.getByText(`Unallocated: ${money(601.2)}`),
    ).toBeInTheDocument();
    expect(api.getUnallocated).toHaveBeenCalledWith({
      from: '2026-10-01',
      to: '2026-10-31',
    });
  });

  it("explains a 403 in the users' words", async () => {
    const api = fakeCostApi({
      getTeams: jest.fn().mockRejectedValue(apiError(403, 'denied')),
    });
    await renderInTestApp(<CostOverviewPage />, {
      apis: [[costTenancyApiRef, api]],
      mountedRoutes,
    });
    expect(
      await screen.findByText(
        /you can see costs of your own teams and the teams under them/i,
      ),
    ).toBeInTheDocument();
  });

  it("shows the API's message for other errors", async () => {
    const api = fakeCostApi({
      getTeams: jest
        .fn()
        .mockRejectedValue(apiError(400, 'currency: no exchange rate for JPY')),
    });
    await renderInTestApp(<CostOverviewPage />, {
      apis: [[costTenancyApiRef, api]],
      mountedRoutes,
    });
    expect(
      await screen.findByText('Error: currency: no exchange rate for JPY', {
        selector: 'h6',
      }),
    ).toBeInTheDocument();
  });

  it('shows placeholders while the teams load', async () => {
    const api = fakeCostApi({ getTeams: () => new Promise(() => {}) });
    await renderInTestApp(<CostOverviewPage />, {
      apis: [[costTenancyApiRef, api]],
      mountedRoutes,
    });
    expect(await screen.findByLabelText('Loading cost data')).toHaveAttribute(
      'aria-busy',
      'true',
    );
  });

  it('says why there is nothing to show', async () => {
    const api = fakeCostApi({
      getTeams: jest.fn().mockResolvedValue({ ...teamsResponse, teams: [] }),
    });
    await renderInTestApp(<CostOverviewPage />, {
      apis: [[costTenancyApiRef, api]],
      mountedRoutes,
    });
    expect(await screen.findByText('No teams to show')).toBeInTheDocument();
  });

  it('orders a tree whose root is not visible from its visible tops', () => {
    expect(treeOrder(teamsResponse.teams).map(r => [r.name, r.depth])).toEqual([
      ['engineering', 0],
      ['search', 1],
      ['payments', 1],
    ]);
  });
});
