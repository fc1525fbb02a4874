import { readFileSync } from 'node:fs';
import { expect, Page, test } from '@playwright/test';
import { costApi, managerToken } from './costApi';
import { signInAsGuest } from './signIn';

const money = (amount: number, currency = 'USD') =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(
    amount,
  );

async function cellTexts(page: Page, row: ReturnType<Page['getByRole']>) {
  return row.getByRole('cell').allInnerTexts();
}

test.beforeEach(async ({ page, request }) => {
  // Sign in only once the demo manager's teams are known, or the page's
  // token would carry none.
  await managerToken(request);
  await signInAsGuest(page);
});

test('Cost overview: /cost lists the demo teams with the amounts the API gives', async ({
  page,
  request,
}) => {
  const api = await costApi(request, '/teams');

  await page
    .getByRole('navigation', { name: 'sidebar nav' })
    .getByRole('link', { name: 'Cost', exact: true })
    .click();
  await expect(page).toHaveURL(/\/cost$/);
  const table = page.getByRole('table').filter({ hasText: 'Budget use' });
  await expect(table.getByRole('link', { name: 'Payments' })).toBeVisible();

  for (const team of api.teams) {
    const row = table.getByRole('row').filter({
      has: page.getByRole('link', { name: team.title, exact: true }),
    });
    const cells = await cellTexts(page, row);
    expect(cells[1]).toBe(money(team.total));
  }
  expect(api.teams.map((t: any) => t.name).sort()).toEqual([
    'checkout',
    'data',
    'engineering',
    'payments',
    'platform',
    'search',
  ]);
  await page.screenshot({ path: test.info().outputPath('cost-overview.png') });
});

test("Team Cost tab: a chart and a breakdown whose total is the API's, and a CSV with the same total", async ({
  page,
  request,
}) => {
  const api = await costApi(
    request,
    '/teams/default/payments/costs?granularity=day&groupBy=service',
  );

  await page.goto('/catalog/default/group/payments/cost');
  await expect(page.getByText(money(api.total)).first()).toBeVisible();
  await expect(
    page.locator('[data-testid="cost-chart"] .recharts-surface'),
  ).toBeVisible();

  const breakdown = page.getByRole('table').filter({ hasText: 'Share' });
  let shown = 0;
  for (const item of api.breakdown) {
    const row = breakdown.getByRole('row').filter({ hasText: item.key });
    const cells = await cellTexts(page, row);
    expect(cells[1]).toBe(money(item.amount));
    shown += item.amount;
  }
  expect(shown).toBeCloseTo(api.total, 2);
  await page.screenshot({
    path: test.info().outputPath('team-cost-tab.png'),
    fullPage: true,
  });

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  const lines = readFileSync(await download.path(), 'utf8')
    .trim()
    .split('\r\n');
  expect(lines[0]).toBe('section,item,amount (USD)');
  const overTime = lines
    .filter(line => line.startsWith('cost over time,'))
    .map(line => Number(line.split(',')[2]));
  expect(overTime.reduce((s, a) => s + a, 0)).toBeCloseTo(api.total, 2);
});

test("Team Tenancy tab: the team's namespaces with quota bars", async ({
  page,
  request,
}) => {
  const api = await costApi(request, '/teams/default/payments/tenancy');
  expect(api.namespaces.map((n: any) => n.namespace).sort()).toEqual([
    'payments-prod',
    'payments-staging',
  ]);

  await page.goto('/catalog/default/group/payments/tenancy');
  for (const namespace of api.namespaces) {
    const row = page.getByRole('row').filter({ hasText: namespace.namespace });
    await expect(row.getByRole('progressbar')).toHaveCount(3);
    await expect(row.getByText(money(namespace.cost))).toBeVisible();
  }
  await page.screenshot({
    path: test.info().outputPath('team-tenancy-tab.png'),
    fullPage: true,
  });
});

test("Component cost card: a component's cost on its page", async ({
  page,
  request,
}) => {
  const api = await costApi(
    request,
    '/entities/component/default/payments-api/costs',
  );

  await page.goto('/catalog/default/component/payments-api');
  await expect(page.getByText('Cost, last 30 days')).toBeVisible();
  await expect(page.getByText(money(api.total), { exact: true })).toBeVisible();
  await expect(page.getByText('Namespaces: payments-prod')).toBeVisible();
  await page.screenshot({
    path: test.info().outputPath('component-cost-card.png'),
  });
});
