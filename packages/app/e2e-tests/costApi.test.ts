import { expect, test } from '@playwright/test';
import { managerToken } from './costApi';

const ENGINEERING_TEAMS = [
  'checkout',
  'data',
  'payments',
  'platform',
  'search',
];

test('Cost API: the demo manager sees every engineering team with its cost for October 2026', async ({
  request,
}) => {
  const token = await managerToken(request);
  const headers = { Authorization: `Bearer ${token}` };
  const response = await request.get(
    '/api/cost-tenancy/teams?from=2026-10-01&to=2026-10-31',
    { headers },
  );
  expect(response.status()).toBe(200);

  const body = await response.json();
  expect(body).toMatchObject({
    from: '2026-10-01',
    to: '2026-10-31',
    currency: 'USD',
    measure: 'EffectiveCost',
  });
  const totals = Object.fromEntries(
    body.teams.map((t: any) => [t.name, t.total]),
  );
  expect(Object.keys(totals).sort()).toEqual(
    ['engineering', ...ENGINEERING_TEAMS].sort(),
  );
  for (const team of ENGINEERING_TEAMS)
    expect(totals[team]).toBeGreaterThan(100);
  const teamsSum = ENGINEERING_TEAMS.reduce(
    (sum, team) => sum + totals[team],
    0,
  );
  expect(totals.engineering).toBeCloseTo(teamsSum, 4);

  const payments = await request.get(
    '/api/cost-tenancy/teams/default/payments/costs?from=2026-10-01&to=2026-10-31&groupBy=namespace',
    { headers },
  );
  const detail = await payments.json();
  expect(detail.total).toBeCloseTo(totals.payments, 4);
  expect(detail.breakdown.map((b: any) => b.key)).toEqual(
    expect.arrayContaining(['payments-prod', 'payments-staging']),
  );

  const finance = await request.get('/api/cost-tenancy/unallocated', {
    headers,
  });
  expect(finance.status()).toBe(403);
});
