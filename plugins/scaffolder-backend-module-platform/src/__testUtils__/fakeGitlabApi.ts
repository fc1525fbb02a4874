import { join } from 'node:path';
import { forgeHandler, hasBranch, initBareRepository } from './forgeApi';

/**
 * GitLab's API v4 paths platform:repo:create uses, answered through msw with
 * GitLab's payloads (trimmed to the fields that matter), backed by bare
 * repositories under `gitRoot` that a git HTTP server serves at `gitUrl`.
 * Like gitlab.com, it protects the default branch on the first push, and
 * approval rules answer 403 unless `premium` is set.
 */
export function fakeGitlabApi(options: {
  apiBaseUrl: string;
  gitUrl: string;
  gitRoot: string;
  token: string;
  groups: string[];
  premium: boolean;
}) {
  const projects = new Map<string, any>();
  const shares = new Map<string, Map<number, number>>();
  const protectedBranches = new Map<string, any>();
  const approvalRules = new Map<string, any[]>();
  const groupId = (path: string) => 9000 + options.groups.indexOf(path);
  let nextId = 4100;

  const projectNotFound = { message: '404 Project Not Found' };
  const bare = (path: string) => join(options.gitRoot, `${path}.git`);
  const project = (id: string) => projects.get(decodeURIComponent(id));
  /** Routes under one project: `/projects/:id<rest>`. */
  const under = (rest: string) => new RegExp(`^/projects/([^/]+)${rest}$`);

  const api = forgeHandler({
    baseUrl: options.apiBaseUrl,
    authorized: headers => headers.get('private-token') === options.token,
    unauthorized: { message: '401 Unauthorized' },
    routes: [
      [
        'GET',
        /^\/groups\/([^/]+)$/,
        ([path]) => {
          const full = decodeURIComponent(path);
          return options.groups.includes(full)
            ? [
                200,
                {
                  id: groupId(full),
                  name: full.split('/').pop(),
                  path: full.split('/').pop(),
                  full_path: full,
                  visibility: 'private',
                },
              ]
            : [404, { message: '404 Group Not Found' }];
        },
      ],
      [
        'GET',
        under(''),
        ([id]) => {
          const found = project(id);
          return found ? [200, found] : [404, projectNotFound];
        },
      ],
      [
        'POST',
        /^\/projects$/,
        (_, { body }) => {
          const group = options.groups.find(
            g => groupId(g) === body.namespace_id,
          );
          const path = `${group}/${body.path}`;
          if (projects.has(path)) {
            return [400, { message: { path: ['has already been taken'] } }];
          }
          initBareRepository(bare(path));
          const created = {
            id: nextId++,
            name: body.name,
            path: body.path,
            path_with_namespace: path,
            namespace: {
              id: body.namespace_id,
              kind: 'group',
              full_path: group,
            },
            description: body.description,
            visibility: body.visibility,
            default_branch: body.default_branch,
            topics: [],
            empty_repo: true,
            web_url: `https://gitlab.com/${path}`,
            http_url_to_repo: `${options.gitUrl}/${path}.git`,
            ssh_url_to_repo: `git@gitlab.com:${path}.git`,
          };
          projects.set(path, created);
          return [201, created];
        },
      ],
      [
        'PUT',
        under(''),
        ([id], { body }) => {
          const found = project(id);
          if (!found) return [404, projectNotFound];
          Object.assign(found, body);
          return [200, found];
        },
      ],
      [
        'POST',
        under('/share'),
        ([id], { body }) => {
          const found = project(id);
          if (!found) return [404, projectNotFound];
          const shared = shares.get(found.path_with_namespace) ?? new Map();
          shares.set(found.path_with_namespace, shared);
          if (shared.has(body.group_id)) {
            return [409, { message: 'Group already shared with this project' }];
          }
          shared.set(body.group_id, body.group_access);
          return [
            201,
            {
              id: shared.size,
              project_id: found.id,
              group_id: body.group_id,
              group_access: body.group_access,
            },
          ];
        },
      ],
      [
        'DELETE',
        under('/share/(\\d+)'),
        ([id, group]) => {
          shares.get(project(id)?.path_with_namespace)?.delete(Number(group));
          return [204];
        },
      ],
      [
        'POST',
        under('/protected_branches'),
        ([id], { body }) => {
          const found = project(id);
          if (!found) return [404, projectNotFound];
          const key = `${found.path_with_namespace}:${body.name}`;
          // gitlab.com protects the default branch as soon as it is pushed.
          if (
            protectedBranches.has(key) ||
            hasBranch(bare(found.path_with_namespace), body.name)
          ) {
            protectedBranches.set(key, protectedBranches.get(key) ?? {});
            return [409, { message: "Protected branch 'main' already exists" }];
          }
          protectedBranches.set(key, body);
          return [201, { id: 1, ...body }];
        },
      ],
      [
        'PATCH',
        under('/protected_branches/([^/]+)'),
        ([id, branch], { body }) => {
          const found = project(id);
          const key = `${found?.path_with_namespace}:${decodeURIComponent(
            branch,
          )}`;
          if (!protectedBranches.has(key)) {
            return [404, { message: '404 Not found' }];
          }
          Object.assign(protectedBranches.get(key), body);
          return [200, { name: decodeURIComponent(branch), ...body }];
        },
      ],
      [
        'GET',
        under('/approval_rules'),
        ([id]) =>
          options.premium
            ? [200, approvalRules.get(decodeURIComponent(id)) ?? []]
            : [403, { message: '403 Forbidden' }],
      ],
      [
        'POST',
        under('/approval_rules'),
        ([id], { body }) => {
          const rules = approvalRules.get(decodeURIComponent(id)) ?? [];
          const rule = { id: rules.length + 1, rule_type: 'regular', ...body };
          approvalRules.set(decodeURIComponent(id), [...rules, rule]);
          return [201, rule];
        },
      ],
      [
        'PUT',
        under('/approval_rules/(\\d+)'),
        ([id, ruleId], { body }) => {
          const rule = approvalRules
            .get(decodeURIComponent(id))
            ?.find(r => r.id === Number(ruleId));
          if (!rule) return [404, { message: '404 Not found' }];
          Object.assign(rule, body);
          return [200, rule];
        },
      ],
    ],
  });
  return { ...api, projects, shares, protectedBranches, approvalRules, bare };
}
