import { expect, test } from '@playwright/test';
import {
  guestToken,
  gitInRepository,
  repositoryFiles,
  startTemplate,
  templateForDryRun,
  waitForTemplate,
  waitForTask,
} from './scaffolderApi';

// A fresh name per run: the local repositories outlive the portal's database.
const serviceName = `refunds-${Date.now().toString(36)}`;
const values = {
  name: serviceName,
  description: 'Refunds for card and wallet payments',
  owner: 'group:default/payments',
  system: 'system:default/payments',
  costCenter: 'cc-1100',
  environments: ['dev', 'prod'],
  size: 'medium',
  infrastructure: ['postgresql'],
};

test('New service: a dry run renders everything and creates nothing', async ({
  request,
}) => {
  const token = await guestToken(request);

  const response = await request.post('/api/scaffolder/v2/dry-run', {
    headers: { Authorization: `Bearer ${token}` },
    data: { ...templateForDryRun('new-service'), values },
  });

  expect(response.status()).toBe(200);
  const result = await response.json();
  const files = result.directoryContents.map((f: { path: string }) => f.path);
  expect(files).toEqual(
    expect.arrayContaining([
      'catalog-info.yaml',
      'Dockerfile',
      'src/server.ts',
      'src/server.test.ts',
      'docs/index.md',
      `terraform/modules/${serviceName}-postgresql/main.tf`,
      'terraform/environments/prod/backend.tf',
      'deploy/namespaces/prod/resourcequota.yaml',
      'CODEOWNERS',
    ]),
  );
  expect(() => gitInRepository(serviceName, 'rev-parse', 'HEAD')).toThrow();
});

test('New service: a real run creates the repository and the catalog entry', async ({
  request,
}) => {
  const token = await guestToken(request);
  const headers = { Authorization: `Bearer ${token}` };
  await waitForTemplate(request, token, 'new-service');
  const started = Date.now();

  const taskId = await startTemplate(request, token, 'new-service', values);
  const { status, events } = await waitForTask(request, token, taskId);

  expect(status).toBe('completed');
  const files = repositoryFiles(serviceName);
  expect(files).toEqual(
    expect.arrayContaining([
      'catalog-info.yaml',
      'src/server.ts',
      'deploy/namespaces/dev/namespace.yaml',
    ]),
  );
  const output = events[events.length - 1].body.output;
  expect(output.text[0].content).toContain(
    'Estimated cost of the quota: 227.76 USD a month (113.88 per environment)',
  );
  await expect
    .poll(async () => {
      const entity = await request.get(
        `/api/catalog/entities/by-name/component/default/${serviceName}`,
        { headers },
      );
      return entity.ok() ? (await entity.json()).spec.owner : undefined;
    })
    .toBe('group:default/payments');
  test.info().annotations.push({
    type: 'submit to catalog',
    description: `${Date.now() - started} ms`,
  });
});
