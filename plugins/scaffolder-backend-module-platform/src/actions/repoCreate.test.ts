import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { LocalRepositoryHost } from '../repositories/LocalRepositoryHost';
import {
  runRepoCreate,
  serviceWorkspace,
} from '../__testUtils__/repoCreateRun';

let root: string;
let repositories: string;
let workspacePath: string;

beforeEach(async () => {
  root = await fs.mkdtemp(join(tmpdir(), 'repo-create-'));
  repositories = join(root, 'repositories');
  workspacePath = join(root, 'workspace');
  await serviceWorkspace(workspacePath);
});
afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

const run = (input: Record<string, any>, isDryRun = false) =>
  runRepoCreate({
    config: {
      platform: { repositories: { local: { directory: repositories } } },
    },
    workspacePath,
    input,
    isDryRun,
  });

const baseInput = {
  name: 'refund-service',
  owner: 'payments',
  description: 'Refunds for card and wallet payments',
  topics: ['payments', 'typescript'],
  teamAccess: [{ team: 'finance', permission: 'pull' }],
};

const bare = () => join(repositories, 'refund-service.git');
const gitIn = (dir: string, ...args: string[]) =>
  execFileSync('git', args, { cwd: dir, encoding: 'utf8' }).trim();

describe('platform:repo:create with the local provider (real git)', () => {
  it('creates a bare repository holding the workspace, with the platform defaults', async () => {
    const ctx = await run(baseInput);

    expect(
      gitIn(bare(), 'ls-tree', '-r', '--name-only', 'main').split('\n'),
    ).toEqual(['CODEOWNERS', 'README.md', 'docs/index.md']);
    expect(gitIn(bare(), 'show', 'main:CODEOWNERS')).toBe('* @acme/payments');
    expect(gitIn(bare(), 'symbolic-ref', 'HEAD')).toBe('refs/heads/main');
    expect(gitIn(bare(), 'log', '-1', '--format=%an <%ae> %s', 'main')).toBe(
      'Platform Portal <portal@acme.example> Initial commit from the Platform Portal',
    );
    expect(await fs.readFile(join(bare(), 'description'), 'utf8')).toBe(
      'Refunds for card and wallet payments\n',
    );
    expect(gitIn(bare(), 'config', '--get-all', 'portal.topic')).toBe(
      'payments\ntypescript',
    );
    expect(gitIn(bare(), 'config', '--get', 'portal.access')).toBe(
      'finance:pull',
    );
    expect(gitIn(bare(), 'config', '--get', 'portal.visibility')).toBe(
      'private',
    );
    expect(gitIn(bare(), 'config', '--get', 'portal.requiredReviews')).toBe(
      '1',
    );

    const checkout = join(repositories, 'checkouts', 'refund-service');
    expect(ctx.output).toHaveBeenCalledWith('cloneUrl', `file://${bare()}`);
    expect(ctx.output).toHaveBeenCalledWith(
      'catalogInfoUrl',
      `file://${checkout}/catalog-info.yaml`,
    );
    // The post-receive hook keeps a readable checkout for the catalog and TechDocs.
    expect(await fs.readFile(join(checkout, 'docs', 'index.md'), 'utf8')).toBe(
      '# Docs\n',
    );
  });

  it('keeps an existing CODEOWNERS', async () => {
    await fs.mkdir(join(workspacePath, '.github'));
    await fs.writeFile(
      join(workspacePath, '.github', 'CODEOWNERS'),
      '* @acme/checkout\n',
    );

    await run(baseInput);

    expect(gitIn(bare(), 'ls-tree', '-r', '--name-only', 'main')).not.toContain(
      '\nCODEOWNERS',
    );
    expect(gitIn(bare(), 'show', 'main:.github/CODEOWNERS')).toBe(
      '* @acme/checkout',
    );
  });

  it('protects the default branch from force pushes and deletion', async () => {
    await run(baseInput);
    const clone = join(root, 'clone');
    gitIn(root, 'clone', '--quiet', bare(), clone);
    gitIn(
      clone,
      '-c',
      'user.name=x',
      '-c',
      'user.email=x@x',
      'commit',
      '--quiet',
      '--amend',
      '-m',
      'rewritten',
    );

    expect(() => gitIn(clone, 'push', '--force', 'origin', 'main')).toThrow(
      /main is protected: force pushes are refused/,
    );
    expect(() => gitIn(clone, 'push', 'origin', ':main')).toThrow(
      /main is protected/,
    );
  });

  it('succeeds without change when run again with the same content', async () => {
    await run(baseInput);
    const head = gitIn(bare(), 'rev-parse', 'main');

    const ctx = await run(baseInput);

    expect(gitIn(bare(), 'rev-parse', 'main')).toBe(head);
    expect(ctx.output).toHaveBeenCalledWith('cloneUrl', `file://${bare()}`);
  });

  it('fails without touching a repository that holds other content', async () => {
    await run(baseInput);
    const head = gitIn(bare(), 'rev-parse', 'main');
    await fs.writeFile(join(workspacePath, 'README.md'), '# something else\n');

    await expect(run(baseInput)).rejects.toThrow(
      'name: repository refund-service already exists with other content; it was left untouched',
    );
    expect(gitIn(bare(), 'rev-parse', 'main')).toBe(head);
  });

  it('finishes the push after a run that stopped once the repository was created', async () => {
    await new LocalRepositoryHost(repositories).create({
      ...baseInput,
      visibility: 'private',
      defaultBranch: 'main',
      branchProtection: { requiredReviews: 1, requireCodeOwnerReviews: true },
    });

    await run(baseInput);

    expect(gitIn(bare(), 'show', 'main:README.md')).toBe('# refund-service');
  });

  it('publishes only sourcePath when given', async () => {
    await run({ ...baseInput, sourcePath: 'docs' });

    expect(
      gitIn(bare(), 'ls-tree', '-r', '--name-only', 'main').split('\n'),
    ).toEqual(['CODEOWNERS', 'index.md']);
  });

  it('creates nothing outside the workspace in a dry run', async () => {
    const ctx = await run(baseInput, true);

    await expect(fs.stat(repositories)).rejects.toThrow(/ENOENT/);
    expect(ctx.output).toHaveBeenCalledWith('cloneUrl', `file://${bare()}`);
  });

  it.each([
    [{ name: 'Refund Service' }, /^name: must be 1-100 lowercase/],
    [{ name: 'refunds.git' }, /^name: must not end with \.git/],
    [{ owner: 'Payments Team' }, /^owner: must be a team name/],
    [{ visibility: 'secret' }, /^visibility: Invalid enum value/],
    [{ defaultBranch: 'a..b' }, /^defaultBranch: must be a valid branch name/],
    [{ topics: ['Has Space'] }, /^topics\.0: must be up to 50 lowercase/],
    [
      { teamAccess: [{ team: 'finance', permission: 'owner' }] },
      /^teamAccess\.0\.permission: Invalid enum value/,
    ],
    [
      { branchProtection: { requiredReviews: 9 } },
      /^branchProtection\.requiredReviews: Number must be less than or equal to 6/,
    ],
    [{ provider: 'bitbucket' }, /^provider: Invalid enum value/],
    [{ sourcePath: '../elsewhere' }, /outside/],
  ])('rejects %j before creating anything', async (change, message) => {
    await expect(run({ ...baseInput, ...change })).rejects.toThrow(message);

    await expect(fs.stat(repositories)).rejects.toThrow(/ENOENT/);
  });
});
