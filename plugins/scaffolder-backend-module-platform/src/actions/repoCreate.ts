import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  commitFolder,
  GitAuthor,
  pushHead,
  remoteTree,
} from '../repositories/git';
import {
  PROVIDERS,
  RepositoryHosts,
  RepositoryLocation,
} from '../repositories/RepositoryHost';
import { InputShape, parseActionInput } from './actionInput';
import { examples } from './repoCreate.examples';

const REPO_NAME = /^[a-z0-9][a-z0-9._-]{0,99}$/;
const TEAM = /^[a-z0-9][a-z0-9-]{0,62}$/;
const TOPIC = /^[a-z0-9][a-z0-9-]{0,49}$/;
const BRANCH = /^(?!.*\.\.)(?!.*\/\/)[A-Za-z0-9][A-Za-z0-9._/-]{0,99}$/;

const team = (z: Parameters<InputShape[string]>[0]) =>
  z
    .string()
    .regex(
      TEAM,
      'must be a team name: lowercase letters, digits and dashes, starting with a letter or digit',
    );

const inputShape = {
  provider: z =>
    z
      .enum(PROVIDERS)
      .default('local')
      .describe(
        'Where the repository lives: local is a bare git repository under platform.repositories.local.directory; github and gitlab use the host in platform.repositories.github or .gitlab and the credentials of its integrations entry.',
      ),
  name: z =>
    z
      .string()
      .regex(
        REPO_NAME,
        'must be 1-100 lowercase letters, digits, dots, dashes or underscores, starting with a letter or digit',
      )
      .refine(name => !name.endsWith('.git'), 'must not end with .git')
      .describe('Repository name.'),
  owner: z => team(z).describe('Owning team; CODEOWNERS names it.'),
  description: z => z.string().max(350).default('').describe('One line.'),
  visibility: z => z.enum(['private', 'internal', 'public']).default('private'),
  defaultBranch: z =>
    z
      .string()
      .regex(BRANCH, 'must be a valid branch name such as main')
      .default('main'),
  topics: z =>
    z
      .array(
        z
          .string()
          .regex(TOPIC, 'must be up to 50 lowercase letters, digits or dashes'),
      )
      .max(20)
      .default([]),
  teamAccess: z =>
    z
      .array(
        z.object({
          team: team(z),
          permission: z.enum(['pull', 'triage', 'push', 'maintain', 'admin']),
        }),
      )
      .default([])
      .describe('Other teams and what they may do.'),
  branchProtection: z =>
    z
      .object({
        requiredReviews: z.number().int().min(0).max(6).default(1),
        requireCodeOwnerReviews: z.boolean().default(true),
      })
      .default({})
      .describe('Protection of the default branch.'),
  sourcePath: z =>
    z
      .string()
      .default('.')
      .describe('Workspace folder to publish; the whole workspace by default.'),
} satisfies InputShape;

const CODEOWNERS_PLACES = [
  'CODEOWNERS',
  '.github/CODEOWNERS',
  'docs/CODEOWNERS',
];

async function ensureCodeowners(
  sourceDir: string,
  organization: string,
  owner: string,
) {
  for (const place of CODEOWNERS_PLACES) {
    const exists = await fs
      .stat(join(sourceDir, place))
      .then(() => true)
      .catch(() => false);
    if (exists) return;
  }
  await fs.writeFile(
    join(sourceDir, 'CODEOWNERS'),
    `* @${organization}/${owner}\n`,
    'utf8',
  );
}

export function createRepoCreateAction(options: {
  hosts: RepositoryHosts;
  organization: string;
  author: GitAuthor;
  commitMessage: string;
}) {
  return createTemplateAction({
    id: 'platform:repo:create',
    description:
      "Creates a repository with the platform's defaults (default branch, protection, team access, topics, CODEOWNERS) and pushes the workspace. Succeeds without change when the repository already holds the same content; fails untouched when it holds other content.",
    examples,
    supportsDryRun: true,
    schema: {
      input: inputShape,
      output: {
        remoteUrl: z => z.string(),
        cloneUrl: z => z.string(),
        repoContentsUrl: z => z.string(),
        catalogInfoUrl: z => z.string(),
      },
    },
    async handler(ctx) {
      const input = parseActionInput(inputShape, ctx.input);
      const host = options.hosts[input.provider];
      const settings = { ...input };
      const sourceDir = resolveSafeChildPath(
        ctx.workspacePath,
        input.sourcePath,
      );
      await ensureCodeowners(sourceDir, options.organization, input.owner);
      const publish = (location: RepositoryLocation) => {
        for (const [key, value] of Object.entries(location)) {
          ctx.output(key as keyof RepositoryLocation, value);
        }
      };

      if (ctx.isDryRun) {
        ctx.logger.info(
          `Dry run: would create repository ${input.name} (${input.provider})`,
        );
        publish(host.plannedLocation(input.name, input.defaultBranch));
        return;
      }

      const { tree } = await commitFolder({
        sourceDir,
        branch: input.defaultBranch,
        author: options.author,
        message: options.commitMessage,
      });
      const key = `repo.${input.provider}.${input.name}`;
      const auth = await host.gitAuth();
      const git = (url: string) => ({
        url,
        branch: input.defaultBranch,
        cwd: sourceDir,
        auth,
      });
      let location = await host.find(input.name, input.defaultBranch);
      const existing = location && (await remoteTree(git(location.cloneUrl)));
      if (existing !== undefined && existing !== tree) {
        throw new ConflictError(
          `name: repository ${input.name} already exists with other content; it was left untouched`,
        );
      }
      if (!location) {
        location = await ctx.checkpoint({
          key: `${key}.create`,
          fn: () => host.create(settings),
        });
      }
      const remote = location;
      await ctx.checkpoint({
        key: `${key}.configure`,
        fn: () => host.configure(settings),
      });
      if (existing === tree) {
        ctx.logger.info(
          `Repository ${input.name} already holds this content; nothing to push`,
        );
      } else {
        await ctx.checkpoint({
          key: `${key}.push.${tree}`,
          fn: () => pushHead(git(remote.cloneUrl)),
        });
      }
      await ctx.checkpoint({
        key: `${key}.protect`,
        fn: () => host.protect(settings, ctx.logger),
      });
      ctx.logger.info(`Repository ${input.name} is at ${remote.remoteUrl}`);
      publish(remote);
    },
  });
}
