import { expect, test } from '@playwright/test';
import {
  guestToken,
  gitInRepository,
  repositoryFiles,
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
  expect(repositoryFiles(`${name}-namespaces`)).toEqual(
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
  expect(repositoryFiles(repository)).toEqual(
    expect.arrayContaining([
      'modules/cart-service-redis/main.tf',
      'environments/prod/backend.tf',
      'environments/dev/terraform.tfvars',
    ]),
  );
  const prodMain = gitInRepository(
    repository,
    'show',
    'main:environments/prod/main.tf',
  );
  expect(prodMain).toContain('team        = "checkout"');
  expect(prodMain).toContain('cost-center = "cc-4200"');
});
