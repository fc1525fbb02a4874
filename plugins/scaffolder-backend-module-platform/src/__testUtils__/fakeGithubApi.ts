import { join } from 'node:path';
import { forgeHandler, hasBranch, initBareRepository } from './forgeApi';

/**
 * GitHub's REST API paths platform:repo:create uses, answered through msw
 * with GitHub's payloads (trimmed to the fields that matter), backed by bare
 * repositories under `gitRoot` that a git HTTP server serves at `gitUrl`.
 */
export function fakeGithubApi(options: {
  apiBaseUrl: string;
  gitUrl: string;
  gitRoot: string;
  token: string;
  teams: string[];
}) {
  const repos = new Map<string, any>();
  const teamAccess = new Map<string, Record<string, string>>();
  const protection = new Map<string, any>();
  let nextId = 800000;

  const payload = (org: string, name: string, body: any) => ({
    id: nextId++,
    node_id: 'R_kgDOLx0000',
    name,
    full_name: `${org}/${name}`,
    private: body.visibility !== 'public',
    visibility: body.visibility ?? 'private',
    owner: { login: org, id: 1001, type: 'Organization' },
    html_url: `https://github.com/${org}/${name}`,
    description: body.description ?? null,
    fork: false,
    url: `${options.apiBaseUrl}/repos/${org}/${name}`,
    clone_url: `${options.gitUrl}/${org}/${name}.git`,
    ssh_url: `git@github.com:${org}/${name}.git`,
    default_branch: 'main',
    topics: [],
    has_wiki: body.has_wiki ?? true,
    delete_branch_on_merge: body.delete_branch_on_merge ?? false,
  });
  const notFound = {
    message: 'Not Found',
    documentation_url: 'https://docs.github.com/rest',
    status: '404',
  };
  const bare = (org: string, name: string) =>
    join(options.gitRoot, org, `${name}.git`);

  const api = forgeHandler({
    baseUrl: options.apiBaseUrl,
    authorized: headers =>
      headers.get('authorization') === `Bearer ${options.token}`,
    unauthorized: {
      message: 'Bad credentials',
      documentation_url: 'https://docs.github.com/rest',
      status: '401',
    },
    routes: [
      [
        'GET',
        /^\/repos\/([^/]+)\/([^/]+)$/,
        ([org, name]) => {
          const repo = repos.get(`${org}/${name}`);
          return repo ? [200, repo] : [404, notFound];
        },
      ],
      [
        'POST',
        /^\/orgs\/([^/]+)\/repos$/,
        ([org], { body }) => {
          if (repos.has(`${org}/${body.name}`)) {
            return [
              422,
              {
                message: 'Repository creation failed.',
                errors: [
                  {
                    resource: 'Repository',
                    code: 'custom',
                    field: 'name',
                    message: 'name already exists on this account',
                  },
                ],
                documentation_url:
                  'https://docs.github.com/rest/repos/repos#create-an-organization-repository',
                status: '422',
              },
            ];
          }
          initBareRepository(bare(org, body.name));
          const repo = payload(org, body.name, body);
          repos.set(`${org}/${body.name}`, repo);
          return [201, repo];
        },
      ],
      [
        'PATCH',
        /^\/repos\/([^/]+)\/([^/]+)$/,
        ([org, name], { body }) => {
          const repo = repos.get(`${org}/${name}`);
          if (!repo) return [404, notFound];
          Object.assign(repo, body, { private: body.visibility !== 'public' });
          return [200, repo];
        },
      ],
      [
        'PUT',
        /^\/repos\/([^/]+)\/([^/]+)\/topics$/,
        ([org, name], { body }) => {
          const repo = repos.get(`${org}/${name}`);
          if (!repo) return [404, notFound];
          repo.topics = body.names;
          return [200, { names: body.names }];
        },
      ],
      [
        'PUT',
        /^\/orgs\/([^/]+)\/teams\/([^/]+)\/repos\/([^/]+)\/([^/]+)$/,
        ([, team, org, name], { body }) => {
          if (!options.teams.includes(team) || !repos.has(`${org}/${name}`)) {
            return [404, notFound];
          }
          const access = teamAccess.get(`${org}/${name}`) ?? {};
          access[team] = body.permission;
          teamAccess.set(`${org}/${name}`, access);
          return [204];
        },
      ],
      [
        'PUT',
        /^\/repos\/([^/]+)\/([^/]+)\/branches\/([^/]+)\/protection$/,
        ([org, name, branch], { body }) => {
          if (!hasBranch(bare(org, name), branch)) {
            return [404, { ...notFound, message: 'Branch not found' }];
          }
          protection.set(`${org}/${name}`, body);
          return [
            200,
            {
              url: `${options.apiBaseUrl}/repos/${org}/${name}/branches/${branch}/protection`,
              required_pull_request_reviews: body.required_pull_request_reviews,
              enforce_admins: { enabled: body.enforce_admins },
              allow_force_pushes: { enabled: body.allow_force_pushes },
              allow_deletions: { enabled: body.allow_deletions },
            },
          ];
        },
      ],
    ],
  });
  return { ...api, repos, teamAccess, protection, bare };
}
