import { APIRequestContext, expect } from '@playwright/test';
import { guestToken } from './scaffolderApi';

/**
 * Waits until the guest sign-in is the demo manager with her teams and the
 * first ingestion is done, and returns a token for that identity. A token
 * carries the teams the catalog knew when it was issued, and right after the
 * portal starts the catalog may not have read the demo organisation yet, so
 * each try signs in again.
 */
export async function managerToken(request: APIRequestContext) {
  let token = '';
  await expect
    .poll(
      async () => {
        token = await guestToken(request);
        const response = await request.get('/api/cost-tenancy/teams', {
          headers: { Authorization: `Bearer ${token}` },
        });
        if (response.status() !== 200) return `answered ${response.status()}`;
        return (await response.json()).teams.length > 0
          ? 'teams'
          : 'no teams yet';
      },
      { timeout: 60_000 },
    )
    .toBe('teams');
  return token;
}

/** The cost API's answer for the demo manager. */
export async function costApi(request: APIRequestContext, path: string) {
  const response = await request.get(`/api/cost-tenancy${path}`, {
    headers: { Authorization: `Bearer ${await managerToken(request)}` },
  });
  expect(response.status()).toBe(200);
  return response.json();
}
