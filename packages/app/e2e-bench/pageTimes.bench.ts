import { expect, test } from '@playwright/test';
import { signInAsGuest } from '../e2e-tests/signIn';
import { managerToken } from '../e2e-tests/costApi';

const RUNS = 5;

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * How long after navigation the /cost table and a team's Cost chart are on
 * screen, in the production build on the demo data. Navigation is the
 * sidebar link or the tab, as a user does it; the first run of each pays for
 * the lazily loaded chunk and the allocation, later ones not. Prints JSON.
 */
test('cost page times', async ({ page, request }) => {
  await managerToken(request);
  await signInAsGuest(page);
  const nav = page.getByRole('navigation', { name: 'sidebar nav' });

  const overview: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    await nav.getByRole('link', { name: 'Catalog', exact: true }).click();
    const started = Date.now();
    await nav.getByRole('link', { name: 'Cost', exact: true }).click();
    await expect(
      page.getByRole('link', { name: 'Payments', exact: true }),
    ).toBeVisible();
    overview.push(Date.now() - started);
  }

  const teamTab: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    await page.goto('/catalog/default/group/payments');
    const tab = page
      .getByRole('main')
      .getByRole('link', { name: 'Cost', exact: true });
    await expect(tab).toBeVisible();
    const started = Date.now();
    await tab.click();
    await expect(
      page.locator('[data-testid="cost-chart"] .recharts-surface'),
    ).toBeVisible();
    teamTab.push(Date.now() - started);
  }

  const result = {
    benchmark: 'pages',
    runs: RUNS,
    costOverviewTableMs: {
      first: overview[0],
      median: median(overview),
      max: Math.max(...overview),
    },
    teamCostChartMs: {
      first: teamTab[0],
      median: median(teamTab),
      max: Math.max(...teamTab),
    },
  };
  // eslint-disable-next-line no-console
  console.log(JSON.stringify(result));
});
