import { promises as fs } from 'node:fs';
import { join, relative } from 'node:path';
import { tmpdir } from 'node:os';
import { parse as parseHcl } from '@cdktf/hcl2json';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { createTerraformModuleAction } from './terraformModule';
import { moduleKindNames } from '../terraform/moduleKinds';

const action = createTerraformModuleAction({
  state: {
    stateBucket: 'acme-terraform-state',
    region: 'eu-west-1',
    awsProviderVersion: '~> 5.0',
  },
});

const baseInput = {
  name: 'orders-db',
  kind: 'postgresql',
  team: 'checkout',
  service: 'order-service',
  costCenter: 'cc-4200',
};

let workspacePath: string;
beforeEach(async () => {
  workspacePath = await fs.mkdtemp(join(tmpdir(), 'terraform-module-'));
});
afterEach(async () => {
  await fs.rm(workspacePath, { recursive: true, force: true });
});

async function run(input: Record<string, any>, isDryRun = false) {
  const ctx = {
    ...createMockActionContext({ input, workspacePath }),
    isDryRun,
  };
  await action.handler(ctx as any);
  return ctx;
}

async function readTree(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await fs.readdir(dir, {
    recursive: true,
    withFileTypes: true,
  })) {
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name);
      files[relative(dir, path)] = await fs.readFile(path, 'utf8');
    }
  }
  return files;
}

async function parseFile(path: string): Promise<any> {
  const content = await fs.readFile(join(workspacePath, path), 'utf8');
  return parseHcl(path, content);
}

/** How Terraform's JSON form writes a string that is a literal, not a template. */
const asLiteral = (value: string) =>
  value.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');

describe('platform:terraform:module', () => {
  it('renders the module and one root per environment in the platform layout', async () => {
    const ctx = await run(baseInput);

    expect(Object.keys(await readTree(workspacePath)).sort()).toEqual([
      'terraform/environments/dev/backend.tf',
      'terraform/environments/dev/main.tf',
      'terraform/environments/dev/terraform.tfvars',
      'terraform/environments/prod/backend.tf',
      'terraform/environments/prod/main.tf',
      'terraform/environments/prod/terraform.tfvars',
      'terraform/environments/staging/backend.tf',
      'terraform/environments/staging/main.tf',
      'terraform/environments/staging/terraform.tfvars',
      'terraform/modules/orders-db/README.md',
      'terraform/modules/orders-db/main.tf',
      'terraform/modules/orders-db/outputs.tf',
      'terraform/modules/orders-db/variables.tf',
      'terraform/modules/orders-db/versions.tf',
    ]);
    expect(ctx.output).toHaveBeenCalledWith(
      'moduleDir',
      'terraform/modules/orders-db',
    );
    expect(ctx.output).toHaveBeenCalledWith('environmentDirs', {
      dev: 'terraform/environments/dev',
      staging: 'terraform/environments/staging',
      prod: 'terraform/environments/prod',
    });
  });

  it.each(moduleKindNames.map(kind => [kind]))(
    'tags every taggable %s resource with team, service, environment and cost-center',
    async kind => {
      await run({ ...baseInput, kind, name: 'orders-store' });
      const main = await parseFile('terraform/modules/orders-store/main.tf');

      expect(main.locals[0].tags).toEqual({
        team: '${var.team}',
        service: '${var.service}',
        environment: '${var.environment}',
        'cost-center': '${var.cost_center}',
      });
      const resources = Object.entries(main.resource).flatMap(
        ([type, byName]: [string, any]) =>
          Object.values(byName).map((r: any) => ({ type, ...r[0] })),
      );
      const tagged = resources.filter(r => r.tags);
      expect(tagged.length).toBeGreaterThan(0);
      for (const resource of tagged) {
        expect(resource.tags).toBe('${local.tags}');
      }
      // Resources without tags are the S3 bucket's settings, which AWS cannot tag.
      for (const resource of resources.filter(r => !r.tags)) {
        expect(resource.type).toMatch(/^aws_s3_bucket_/);
      }
    },
  );

  it('keeps each environment in its own locked, encrypted state', async () => {
    await run(baseInput);

    const keys = new Set<string>();
    for (const env of ['dev', 'staging', 'prod']) {
      const backend = await parseFile(
        `terraform/environments/${env}/backend.tf`,
      );
      const s3 = backend.terraform[0].backend.s3[0];
      expect(s3).toEqual({
        bucket: 'acme-terraform-state',
        key: `order-service/orders-db/${env}/terraform.tfstate`,
        region: 'eu-west-1',
        encrypt: true,
        use_lockfile: true,
      });
      keys.add(s3.key);
    }
    expect(keys.size).toBe(3);
  });

  it('sizes production environments larger than the others', async () => {
    await run(baseInput);

    const dev = await parseFile('terraform/environments/dev/terraform.tfvars');
    const prod = await parseFile(
      'terraform/environments/prod/terraform.tfvars',
    );
    expect(dev).toEqual({
      instance_class: 'db.t4g.micro',
      allocated_storage: 20,
    });
    expect(prod).toEqual({
      instance_class: 'db.m7g.large',
      allocated_storage: 100,
    });
  });

  it('formats files the way terraform fmt does', async () => {
    await run(baseInput);

    expect(
      await fs.readFile(
        join(workspacePath, 'terraform/environments/prod/backend.tf'),
        'utf8',
      ),
    ).toBe(
      [
        'terraform {',
        '  backend "s3" {',
        '    bucket       = "acme-terraform-state"',
        '    key          = "order-service/orders-db/prod/terraform.tfstate"',
        '    region       = "eu-west-1"',
        '    encrypt      = true',
        '    use_lockfile = true',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
    const main = await fs.readFile(
      join(workspacePath, 'terraform/modules/orders-db/main.tf'),
      'utf8',
    );
    expect(main).toContain(
      [
        'locals {',
        '  tags = {',
        '    team        = var.team',
        '    service     = var.service',
        '    environment = var.environment',
        '    cost-center = var.cost_center',
        '  }',
        '}',
      ].join('\n'),
    );
  });

  it.each([
    [
      'a quote that closes the block',
      'x"\n}\nresource "null_resource" "pwn" {',
    ],
    ['an interpolation', '${file("/etc/passwd")}'],
    ['a template directive', '%{ for x in y }'],
    ['backslashes and control characters', 'a\\b\\"c\r\t\u0001\u007f end'],
  ])('keeps %s a literal value', async (_name, hostile) => {
    await run({
      ...baseInput,
      team: hostile,
      service: `svc ${hostile}`,
      costCenter: hostile,
    });

    const main = await parseFile('terraform/environments/prod/main.tf');
    expect(Object.keys(main).sort()).toEqual([
      'module',
      'provider',
      'variable',
    ]);
    expect(Object.keys(main.module)).toEqual(['orders_db']);
    expect(main.provider.aws[0].default_tags[0].tags).toEqual({
      team: asLiteral(hostile),
      service: asLiteral(`svc ${hostile}`),
      environment: 'prod',
      'cost-center': asLiteral(hostile),
    });
    expect(main.module.orders_db[0]).toMatchObject({
      team: asLiteral(hostile),
      cost_center: asLiteral(hostile),
    });
    const backend = await parseFile('terraform/environments/prod/backend.tf');
    expect(backend.terraform[0].backend.s3[0].key).toBe(
      asLiteral(`svc ${hostile}/orders-db/prod/terraform.tfstate`),
    );
    const tree = await readTree(workspacePath);
    for (const [path, content] of Object.entries(tree)) {
      const pwned = content
        .split('\n')
        .some(line => line.startsWith('resource "null_resource"'));
      expect({ path, pwned }).toEqual({
        path,
        pwned: false,
      });
    }
  });

  it('renders the same files in a dry run, inside the workspace only', async () => {
    await run(baseInput);
    const real = await readTree(workspacePath);
    await fs.rm(join(workspacePath, 'terraform'), { recursive: true });

    await run(baseInput, true);

    expect(await readTree(workspacePath)).toEqual(real);
  });

  it('converges when run again', async () => {
    await run(baseInput);
    const first = await readTree(workspacePath);

    await run(baseInput);

    expect(await readTree(workspacePath)).toEqual(first);
  });

  it.each([
    [{ name: 'Orders_DB' }, /^name: must be 3-40 lowercase letters/],
    [{ name: 'db-' }, /^name: must be/],
    [{ kind: 'mysql' }, /^kind: Invalid enum value/],
    [
      { environments: ['dev', 'Prod!'] },
      /^environments\.1: must be 1-16 lowercase/,
    ],
    [{ environments: [] }, /^environments: Array must contain at least 1/],
    [{ team: '' }, /^team: String must contain at least 1/],
    [{ region: 'mars-1' }, /^region: must be an AWS region/],
    [
      { productionEnvironments: ['live'] },
      /^productionEnvironments: live must be listed in environments/,
    ],
    [{ targetPath: '../outside' }, /outside/],
  ])('rejects %j before writing anything', async (change, message) => {
    await expect(run({ ...baseInput, ...change })).rejects.toThrow(message);

    expect(await readTree(workspacePath)).toEqual({});
  });
});
