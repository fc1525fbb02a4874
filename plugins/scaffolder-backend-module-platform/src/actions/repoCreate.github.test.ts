import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { setupServer } from 'msw/node';
import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { fakeGithubApi } from '../__testUtils__/fakeGithubApi';
import { startGitHttpServer } from '../__testUtils__/gitHttpServer';
import {
  runRepoCreate,
  serviceWorkspace,
} from '../__testUtils__/repoCreateRun';

const TOKEN = 'ghp_token-that-must-never-be-shown';
const server = setupServer();
registerMswTestHooks(server);

let root: string;
let workspacePath: string;
let gitServer: Awaited<ReturnType<typeof startGitHttpServer>>;
let github: ReturnType<typeof fakeGithubApi>;

beforeEach(async () => {
  root = await fs.mkdtemp(join(tmpdir(), 'repo-create-github-'));
  workspacePath = join(root, 'workspace');
  await serviceWorkspace(workspacePath);
  gitServer = await startGitHttpServer({
    root: join(root, 'forge'),
    password: TOKEN,
  });
  github = fakeGithubApi({
    apiBaseUrl: 'https://api.github.com',
    gitUrl: gitServer.url,
    gitRoot: join(root, 'forge'),
    token: TOKEN,
    teams: ['payments', 'finance'],
  });
  server.use(github.handler);
});
afterEach(async () => {
  await gitServer.close();
  await fs.rm(root, { recursive: true, force: true });
});

const input = {
  provider: 'github',
  name: 'refund-service',
  owner: 'payments',
  description: 'Refunds for card and wallet payments',
  topics: ['payments', 'typescript'],
  teamAccess: [{ team: 'finance', permission: 'pull' }],
  branchProtection: { requiredReviews: 2, requireCodeOwnerReviews: true },
};

const run = (
  change: Record<string, unknown> = {},
  options: { isDryRun?: boolean; token?: string | null } = {},
) =>
  runRepoCreate({
    config: {
      integrations: {
        github: [
          {
            host: 'github.com',
            ...(options.token !== null && { token: options.token ?? TOKEN }),
          },
        ],
      },
    },
    workspacePath,
    input: { ...input, ...change },
    isDryRun: options.isDryRun,
  });

const files = (ref = 'main') =>
  execFileSync(
    'git',
    [
      '--git-dir',
      github.bare('acme', 'refund-service'),
      'ls-tree',
      '-r',
      '--name-only',
      ref,
    ],
    { encoding: 'utf8' },
  )
    .trim()
    .split('\n');

describe('platform:repo:create with the github provider (GitHub REST API through msw, git over a local smart-HTTP server)', () => {
  it('creates the repository in the organisation, configures it, pushes the workspace and protects main', async () => {
    const ctx = await run();

    expect(github.calls()).toEqual([
      'GET /repos/acme/refund-service',
      'POST /orgs/acme/repos',
      'PATCH /repos/acme/refund-service',
      'PUT /repos/acme/refund-service/topics',
      'PUT /orgs/acme/teams/payments/repos/acme/refund-service',
      'PUT /orgs/acme/teams/finance/repos/acme/refund-service',
      'PUT /repos/acme/refund-service/branches/main/protection',
    ]);
    expect(github.requests[1].body).toMatchObject({
      name: 'refund-service',
      description: 'Refunds for card and wallet payments',
      visibility: 'private',
      private: true,
      auto_init: false,
    });
    const repo = github.repos.get('acme/refund-service');
    expect(repo.topics).toEqual(['payments', 'typescript']);
    expect(github.teamAccess.get('acme/refund-service')).toEqual({
      payments: 'maintain',
      finance: 'pull',
    });
    expect(github.protection.get('acme/refund-service')).toMatchObject({
      required_pull_request_reviews: {
        required_approving_review_count: 2,
        require_code_owner_reviews: true,
      },
      allow_force_pushes: false,
      allow_deletions: false,
    });
    expect(files()).toEqual(['CODEOWNERS', 'README.md', 'docs/index.md']);
    expect(gitServer.pushes()).toBe(1);
    expect(ctx.output).toHaveBeenCalledWith(
      'remoteUrl',
      'https://github.com/acme/refund-service',
    );
    expect(ctx.output).toHaveBeenCalledWith(
      'catalogInfoUrl',
      'https://github.com/acme/refund-service/blob/main/catalog-info.yaml',
    );
    expect(ctx.output).toHaveBeenCalledWith(
      'cloneUrl',
      `${gitServer.url}/acme/refund-service.git`,
    );
  });

  it('succeeds without pushing when the repository already holds the same content', async () => {
    await run();
    const pushes = gitServer.pushes();

    await run();

    expect(gitServer.pushes()).toBe(pushes);
    expect(
      github.calls().filter(c => c === 'POST /orgs/acme/repos'),
    ).toHaveLength(1);
  });

  it('fails before changing anything when the repository holds other content', async () => {
    await run();
    const before = github.calls().length;
    await fs.writeFile(join(workspacePath, 'README.md'), '# other service\n');

    await expect(run()).rejects.toThrow(
      'name: repository refund-service already exists with other content; it was left untouched',
    );
    expect(github.calls().slice(before)).toEqual([
      'GET /repos/acme/refund-service',
    ]);
    expect(gitServer.pushes()).toBe(1);
  });

  it('finishes a run that stopped after creating the repository', async () => {
    // What a run that failed after creating the repository leaves behind.
    await fetch('https://api.github.com/orgs/acme/repos', {
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ name: 'refund-service', visibility: 'private' }),
    });

    await run();

    expect(files()).toEqual(['CODEOWNERS', 'README.md', 'docs/index.md']);
    expect(github.protection.get('acme/refund-service')).toBeDefined();
  });

  it('makes no request at all in a dry run', async () => {
    const ctx = await run({}, { isDryRun: true });

    expect(github.requests).toEqual([]);
    expect(gitServer.requests).toEqual([]);
    expect(ctx.output).toHaveBeenCalledWith(
      'cloneUrl',
      'https://github.com/acme/refund-service.git',
    );
  });

  it("names GitHub's answer when it refuses, and never shows the token", async () => {
    const error = await run({ owner: 'ghost-team' }).catch(e => e);

    expect(error.message).toBe(
      'GitHub answered 404 to PUT /orgs/acme/teams/ghost-team/repos/acme/refund-service: Not Found',
    );
    expect(String(error.stack)).not.toContain(TOKEN);
  });

  it('says which setting is missing when the integration has no token', async () => {
    await expect(run({}, { token: null })).rejects.toThrow(
      'provider: the integrations.github entry for github.com has no token or GitHub App installed in acme',
    );
    expect(github.requests).toEqual([]);
  });

  it('sends the token to git only as an HTTP header, and keeps it out of logs', async () => {
    const ctx = await run();

    expect(gitServer.pushes()).toBe(1);
    expect(gitServer.requests.every(r => r.authorized)).toBe(true);
    expect(ctx.logger.lines.join('\n')).not.toContain(TOKEN);
    const gitConfig = await fs.readFile(
      join(workspacePath, '.git', 'config'),
      'utf8',
    );
    expect(gitConfig).not.toContain(TOKEN);
  });
});
