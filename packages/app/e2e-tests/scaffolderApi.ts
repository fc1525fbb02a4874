import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve as resolvePath } from 'node:path';
import { APIRequestContext, expect } from '@playwright/test';
import { parseDocument } from 'yaml';

const repoRoot = resolvePath(__dirname, '../../..');

/** A Backstage token for the guest user, as the sign-in page gets one. */
export async function guestToken(request: APIRequestContext) {
  const response = await request.post('/api/auth/guest/refresh', {
    headers: { 'x-requested-with': 'XMLHttpRequest' },
    data: {},
  });
  expect(response.ok()).toBe(true);
  return (await response.json()).backstageIdentity.token as string;
}

/**
 * Starts a template run once the catalog has the template (right after the
 * backend starts, the catalog may still be reading templates/).
 */
export async function startTemplate(
  request: APIRequestContext,
  token: string,
  template: string,
  values: Record<string, unknown>,
) {
  await waitForTemplate(request, token, template);
  const created = await request.post('/api/scaffolder/v2/tasks', {
    headers: { Authorization: `Bearer ${token}` },
    data: { templateRef: `template:default/${template}`, values },
  });
  expect(created.status()).toBe(201);
  return (await created.json()).id as string;
}

/** Waits until the catalog has read the template from templates/. */
export async function waitForTemplate(
  request: APIRequestContext,
  token: string,
  template: string,
) {
  const headers = { Authorization: `Bearer ${token}` };
  await expect
    .poll(
      async () =>
        (
          await request.get(
            `/api/catalog/entities/by-name/template/default/${template}`,
            { headers },
          )
        ).status(),
      { timeout: 60_000 },
    )
    .toBe(200);
}

/** The template and its files, as the template editor sends them for a dry run. */
export function templateForDryRun(name: string) {
  const dir = join(repoRoot, 'templates', name);
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter(entry => entry.isFile())
    .map(entry => join(entry.parentPath, entry.name));
  return {
    template: parseDocument(
      readFileSync(join(dir, 'template.yaml'), 'utf8'),
    ).toJS(),
    directoryContents: files.map(file => ({
      path: relative(dir, file),
      base64Content: readFileSync(file).toString('base64'),
    })),
  };
}

/** Waits for a scaffolder task to finish and returns its status and events. */
export async function waitForTask(
  request: APIRequestContext,
  token: string,
  taskId: string,
) {
  const headers = { Authorization: `Bearer ${token}` };
  const readStatus = async () =>
    (
      await (
        await request.get(`/api/scaffolder/v2/tasks/${taskId}`, { headers })
      ).json()
    ).status as string;
  let status = '';
  await expect
    .poll(async () => (status = await readStatus()), { timeout: 60_000 })
    .toMatch(/^(completed|failed)$/);
  const events = await (
    await request.get(`/api/scaffolder/v2/tasks/${taskId}/events`, { headers })
  ).json();
  return { status, events };
}

const localRepositories = join(repoRoot, '.data', 'repositories');

/** Runs git on a repository the local provider created, or throws. */
export const gitInRepository = (repository: string, ...args: string[]) =>
  execFileSync(
    'git',
    ['--git-dir', join(localRepositories, `${repository}.git`), ...args],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );

/** The files on the default branch of a local repository. */
export const repositoryFiles = (repository: string) =>
  gitInRepository(repository, 'ls-tree', '-r', '--name-only', 'main')
    .trim()
    .split('\n');
