import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import {
  guestToken,
  localRepositories,
  startTemplate,
  waitForTask,
} from './scaffolderApi';

const suffix = Date.now().toString(36);

async function runTemplate(
  request: Parameters<typeof guestToken>[0],
  template: string,
  values: Record<string, unknown>,
) {
  const token = await guestToken(request);
  const taskId = await startTemplate(request, token, template, values);
  return waitForTask(request, token, taskId);
}

const filesOf = (repository: string) =>
  execFileSync(
    'git',
    [
      '--git-dir',
      join(localRepositories, `${repository}.git`),
      'ls-tree',
      '-r',
      '--name-only',
      'main',
    ],
    { encoding: 'utf8' },
  ).split('\n');

test('Tenant namespace: a GitOps repository with the namespaces of an existing team', async ({
  request,
}) => {
  const name = `ledger-${suffix}`;

  const { status, events } = await runTemplate(request, 'tenant-namespace', {
    team: 'group:default/payments',
    name,
    costCenter: 'cc-1100',
    environments: ['staging', 'prod'],
    size: 'large',
  });

  expect(status).toBe('completed');
  expect(filesOf(`${name}-namespaces`)).toEqual(
    expect.arrayContaining([
      'namespaces/prod/namespace.yaml',
      'namespaces/prod/networkpolicy.yaml',
      'namespaces/staging/resourcequota.yaml',
      'CODEOWNERS',
    ]),
  );
  expect(events[events.length - 1].body.output.text[0].content).toContain(
    'Estimated cost of the quota: 455.52 USD a month',
  );
});

test('Terraform module: infrastructure for an existing service, tagged with its team', async ({
  request,
}) => {
  const { status, events } = await runTemplate(request, 'terraform-module', {
    service: 'component:default/cart-service',
    kind: 'redis',
    costCenter: 'cc-4200',
    environments: ['dev', 'prod'],
  });

  const errors = events
    .map((event: any) => event.body.error?.message)
    .filter(Boolean);
  expect({ status, errors }).toEqual({ status: 'completed', errors: [] });
  const repository = 'cart-service-redis-infra';
  expect(filesOf(repository)).toEqual(
    expect.arrayContaining([
      'modules/cart-service-redis/main.tf',
      'environments/prod/backend.tf',
      'environments/dev/terraform.tfvars',
    ]),
  );
  const prodMain = execFileSync(
    'git',
    [
      '--git-dir',
      join(localRepositories, `${repository}.git`),
      'show',
      'main:environments/prod/main.tf',
    ],
    { encoding: 'utf8' },
  );
  expect(prodMain).toContain('team        = "checkout"');
  expect(prodMain).toContain('cost-center = "cc-4200"');
});
