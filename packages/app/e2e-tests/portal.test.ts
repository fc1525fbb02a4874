import { expect, test } from '@playwright/test';
import {
  demoComponents,
  firstParagraphOf,
  membersOf,
  templateTitles,
} from './demoData';
import { signInAsGuest } from './signIn';

test.beforeEach(async ({ page }) => {
  await signInAsGuest(page);
});

test('the home page welcomes and links the main sections', async ({ page }) => {
  await expect(
    page.getByRole('heading', { name: 'Welcome to the Platform Portal' }),
  ).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'sidebar nav' });
  for (const section of ['Catalog', 'Create', 'Docs']) {
    await expect(
      nav.getByRole('link', { name: section, exact: true }),
    ).toBeVisible();
  }
});

test('the catalog lists the demo components', async ({ page }) => {
  await page.goto('/catalog?filters[kind]=component');

  for (const component of demoComponents) {
    await expect(
      page.getByRole('link', { name: component.metadata.name, exact: true }),
    ).toBeVisible();
  }
});

test("a team's group page shows its members", async ({ page }) => {
  await page.goto('/catalog/default/group/payments');

  const members = membersOf('payments');
  const membersCard = page.getByRole('article').filter({
    has: page.getByRole('heading', { name: /^Payments members/ }),
  });
  await expect(
    membersCard.getByRole('heading', { name: /^Payments members/ }),
  ).toHaveText(`Payments members (${members.length} of ${members.length})`);
  for (const member of members) {
    await expect(
      membersCard.getByRole('heading', { name: member, exact: true }),
    ).toBeVisible();
  }
});

test("TechDocs shows the portal's own docs", async ({ page }) => {
  await page.goto('/docs/default/component/platform-portal');

  // The first visit builds the site with mkdocs; that takes a few seconds.
  await expect(page.getByText(firstParagraphOf('docs/index.md'))).toBeVisible({
    timeout: 90_000,
  });
});

test("TechDocs shows a demo component's docs", async ({ page }) => {
  await page.goto('/docs/default/component/payments-api');

  await expect(
    page.getByText(
      firstParagraphOf('examples/docs/payments-api/docs/index.md'),
    ),
  ).toBeVisible({ timeout: 90_000 });
});

test('the Create page lists the templates in templates/', async ({ page }) => {
  await page.goto('/create');

  for (const title of templateTitles) {
    await expect(page.getByText(title, { exact: true })).toBeVisible();
  }
});

test('the Kubernetes tab says plainly that no cluster is configured', async ({
  page,
}) => {
  await page.goto('/catalog/default/component/payments-api/kubernetes');

  await expect(
    page.getByText('No Kubernetes clusters are configured'),
  ).toBeVisible();
});

test('search finds catalog entities', async ({ page }) => {
  await page.goto('/search?query=ledger');

  await expect(
    page.getByRole('link', { name: 'ledger-service' }).first(),
  ).toBeVisible();
});
