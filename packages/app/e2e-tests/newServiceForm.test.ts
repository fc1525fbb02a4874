import { expect, test } from '@playwright/test';
import { signInAsGuest } from './signIn';

test('New service: filling the form in the browser shows the cost and the new component', async ({
  page,
}) => {
  const serviceName = `wallet-${Date.now().toString(36)}`;
  await signInAsGuest(page);
  await page.goto('/create/templates/default/new-service');

  await page.getByRole('textbox', { name: 'Name' }).fill(serviceName);
  await page
    .getByRole('textbox', { name: 'Description' })
    .fill('Stored-value wallets for shoppers');
  await page.getByRole('textbox', { name: 'Owning team' }).click();
  await page
    .getByRole('option', { name: /payments/i })
    .first()
    .click();
  await page.getByRole('textbox', { name: 'System' }).click();
  await page
    .getByRole('option', { name: /payments/i })
    .first()
    .click();
  await page.getByRole('textbox', { name: 'Cost center' }).fill('cc-1100');
  await page.getByRole('button', { name: 'Next' }).click();

  await page.getByRole('button', { name: /Namespace quota/ }).click();
  const medium = page.getByRole('option', { name: /^Medium/ });
  await expect(medium).toHaveText(
    'Medium: 4 CPU, 8 GiB, 40 pods (about 113.88 USD a month per environment)',
  );
  await medium.click();
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Create' }).click();

  await expect(
    page.getByText(/Estimated cost of the quota: 341\.64 USD a month/),
  ).toBeVisible({
    timeout: 60_000,
  });
  await page.getByRole('link', { name: 'Open in the catalog' }).click();
  // The catalog stitches a newly registered entity within a few seconds.
  await expect(async () => {
    await page.reload();
    await expect(page.getByText('Entity not found')).toBeHidden({
      timeout: 2_000,
    });
    await expect(
      page.getByRole('link', { name: 'Payments' }).first(),
    ).toBeVisible({
      timeout: 2_000,
    });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByRole('heading', { name: serviceName })).toBeVisible();
});
