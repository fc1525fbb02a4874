import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { setupServer } from 'msw/node';
import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { fakeGitlabApi } from '../__testUtils__/fakeGitlabApi';
import { startGitHttpServer } from '../__testUtils__/gitHttpServer';
import {
  runRepoCreate,
  serviceWorkspace,
} from '../__testUtils__/repoCreateRun';

const TOKEN = 'glpat-token-that-must-never-be-shown';
const PROJECT = '/projects/acme%2Frefund-service';
const server = setupServer();
registerMswTestHooks(server);

let root: string;
let workspacePath: string;
let gitServer: Awaited<ReturnType<typeof startGitHttpServer>>;
let gitlab: ReturnType<typeof fakeGitlabApi>;

async function startForge(premium: boolean) {
  gitlab = fakeGitlabApi({
    apiBaseUrl: 'https://gitlab.com/api/v4',
    gitUrl: gitServer.url,
    gitRoot: join(root, 'forge'),
    token: TOKEN,
    groups: ['acme', 'acme/payments', 'acme/finance'],
    premium,
  });
  server.use(gitlab.handler);
}

beforeEach(async () => {
  root = await fs.mkdtemp(join(tmpdir(), 'repo-create-gitlab-'));
  workspacePath = join(root, 'workspace');
  await serviceWorkspace(workspacePath);
  gitServer = await startGitHttpServer({
    root: join(root, 'forge'),
    password: TOKEN,
  });
  await startForge(true);
});
afterEach(async () => {
  await gitServer.close();
  await fs.rm(root, { recursive: true, force: true });
});

const input = {
  provider: 'gitlab',
  name: 'refund-service',
  owner: 'payments',
  description: 'Refunds for card and wallet payments',
  visibility: 'internal',
  topics: ['payments'],
  teamAccess: [{ team: 'finance', permission: 'pull' }],
  branchProtection: { requiredReviews: 2, requireCodeOwnerReviews: true },
};

const run = (change: Record<string, unknown> = {}, isDryRun = false) =>
  runRepoCreate({
    config: {
      integrations: { gitlab: [{ host: 'gitlab.com', token: TOKEN }] },
    },
    workspacePath,
    input: { ...input, ...change },
    isDryRun,
  });

describe('platform:repo:create with the gitlab provider (GitLab API v4 through msw, git over a local smart-HTTP server)', () => {
  it('creates the project in the group, shares it with the teams, pushes and protects main', async () => {
    const ctx = await run();

    expect(gitlab.calls()).toEqual([
      `GET ${PROJECT}`,
      'GET /groups/acme',
      'POST /projects',
      `PUT ${PROJECT}`,
      'GET /groups/acme%2Fpayments',
      `POST ${PROJECT}/share`,
      'GET /groups/acme%2Ffinance',
      `POST ${PROJECT}/share`,
      `POST ${PROJECT}/protected_branches`,
      `PATCH ${PROJECT}/protected_branches/main`,
      `GET ${PROJECT}/approval_rules`,
      `POST ${PROJECT}/approval_rules`,
    ]);
    const project = gitlab.projects.get('acme/refund-service');
    expect(project).toMatchObject({
      visibility: 'internal',
      topics: ['payments'],
      description: 'Refunds for card and wallet payments',
    });
    expect([...gitlab.shares.get('acme/refund-service')!.values()]).toEqual([
      40, 20,
    ]);
    expect(gitlab.protectedBranches.get('acme/refund-service:main')).toEqual({
      allow_force_push: false,
      code_owner_approval_required: true,
    });
    expect(gitlab.approvalRules.get('acme/refund-service')).toMatchObject([
      { name: 'Default branch review', approvals_required: 2 },
    ]);
    expect(
      execFileSync(
        'git',
        [
          '--git-dir',
          gitlab.bare('acme/refund-service'),
          'show',
          'main:CODEOWNERS',
        ],
        { encoding: 'utf8' },
      ),
    ).toBe('* @acme/payments\n');
    expect(ctx.output).toHaveBeenCalledWith(
      'repoContentsUrl',
      'https://gitlab.com/acme/refund-service/-/blob/main',
    );
  });

  it('converges on a re-run: no second project, no push, shares renewed', async () => {
    await run();
    const pushes = gitServer.pushes();

    await run({ teamAccess: [{ team: 'finance', permission: 'push' }] });

    expect(gitServer.pushes()).toBe(pushes);
    expect(gitlab.calls().filter(c => c === 'POST /projects')).toHaveLength(1);
    expect(gitlab.shares.get('acme/refund-service')!.get(9002)).toBe(30);
    expect(gitlab.approvalRules.get('acme/refund-service')).toHaveLength(1);
  });

  it('fails before changing anything when the project holds other content', async () => {
    await run();
    const before = gitlab.calls().length;
    await fs.writeFile(join(workspacePath, 'README.md'), '# other service\n');

    await expect(run()).rejects.toThrow(
      'name: repository refund-service already exists with other content; it was left untouched',
    );
    expect(gitlab.calls().slice(before)).toEqual([`GET ${PROJECT}`]);
  });

  it('warns and goes on where approval rules need GitLab Premium', async () => {
    server.resetHandlers();
    await startForge(false);

    const ctx = await run();

    expect(ctx.logger.lines).toContain(
      'warn: GitLab refused approval rules (403; a Premium feature): 2 required review(s) were not set',
    );
    expect(gitlab.protectedBranches.get('acme/refund-service:main')).toEqual({
      allow_force_push: false,
      code_owner_approval_required: true,
    });
  });

  it('names the team field when its group does not exist', async () => {
    await expect(
      run({ teamAccess: [{ team: 'marketing', permission: 'pull' }] }),
    ).rejects.toThrow(
      'teamAccess.0.team: GitLab group acme/marketing does not exist',
    );
  });

  it('makes no request in a dry run', async () => {
    const ctx = await run({}, true);

    expect(gitlab.requests).toEqual([]);
    expect(gitServer.requests).toEqual([]);
    expect(ctx.output).toHaveBeenCalledWith(
      'cloneUrl',
      'https://gitlab.com/acme/refund-service.git',
    );
  });

  it("fails with GitLab's answer when the token is refused, without showing it", async () => {
    const error = await runRepoCreate({
      config: {
        integrations: {
          gitlab: [{ host: 'gitlab.com', token: 'glpat-wrong' }],
        },
      },
      workspacePath,
      input,
    }).catch(e => e);

    expect(error.message).toBe(
      `GitLab answered 401 to GET ${PROJECT}: 401 Unauthorized; check the credentials of the GitLab integration`,
    );
    expect(String(error.stack)).not.toContain('glpat-wrong');
  });
});
