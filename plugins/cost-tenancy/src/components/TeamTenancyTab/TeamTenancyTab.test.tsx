import { screen, within } from '@testing-library/react';
import { renderForEntity } from '../../__testUtils__/renderTab';
import {
  apiError,
  fakeCostApi,
  tenancyResponse,
} from '../../__testUtils__/costData';
import { TeamTenancyTab } from './TeamTenancyTab';

const render = (api: ReturnType<typeof fakeCostApi>) =>
  renderForEntity(<TeamTenancyTab />, api);

describe('TeamTenancyTab', () => {
  it('shows each namespace with its quota bars, policy marks and cost from the API', async () => {
    await render(
      fakeCostApi({
        getTeamTenancy: jest.fn().mockResolvedValue(tenancyResponse),
      }),
    );

    const row = (await screen.findByText('payments-prod')).closest('tr')!;
    expect(within(row).getByText('prod-eu-cluster')).toBeInTheDocument();
    expect(within(row).getByText('payments-api')).toBeInTheDocument();
    expect(
      within(row).getByRole('progressbar', {
        name: 'cpu: 0.75 cores used of 2 cores, 0.75 cores requested',
      }),
    ).toHaveAttribute('aria-valuenow', '38');
    expect(
      within(row).getByRole('progressbar', {
        name: 'memory: 0.8 GiB used of 2.0 GiB, 0.8 GiB requested',
      }),
    ).toBeInTheDocument();
    expect(
      within(row).getByRole('progressbar', {
        name: 'pods: 3 used of 9, 3 requested',
      }),
    ).toBeInTheDocument();
    expect(within(row).getByText('restricted')).toBeInTheDocument();
    expect(within(row).getByText('present')).toBeInTheDocument();
    expect(
      within(row).getByText('none: pods may run without limits'),
    ).toBeInTheDocument();
    expect(
      within(row).getByText(
        new Intl.NumberFormat(undefined, {
          style: 'currency',
          currency: 'USD',
        }).format(372.5),
      ),
    ).toBeInTheDocument();
  });

  it('says how to get a namespace when the team has none', async () => {
    await render(
      fakeCostApi({
        getTeamTenancy: jest
          .fn()
          .mockResolvedValue({ ...tenancyResponse, namespaces: [] }),
      }),
    );
    expect(
      await screen.findByText('No namespaces for this team'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Create one with the Tenant namespace template/),
    ).toBeInTheDocument();
  });

  it('explains a 403', async () => {
    await render(
      fakeCostApi({
        getTeamTenancy: jest.fn().mockRejectedValue(apiError(403, 'no')),
      }),
    );
    expect(
      await screen.findByText(
        /you can see costs of your own teams and the teams under them/i,
      ),
    ).toBeInTheDocument();
  });
});
