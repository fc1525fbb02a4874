import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { commitFolder, GitAuthor } from '../repositories/git';
import { LocalRepositoryHost } from '../repositories/LocalRepositoryHost';
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
      .enum(['local'])
      .default('local')
      .describe(
        'Where the repository lives: local is a bare git repository under platform.repositories.local.directory.',
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
  local: LocalRepositoryHost;
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
      const host = options.local;
      const sourceDir = resolveSafeChildPath(
        ctx.workspacePath,
        input.sourcePath,
      );
      await ensureCodeowners(sourceDir, options.organization, input.owner);
      const location = host.location(input.name);
      const publish = () => {
        for (const [key, value] of Object.entries(location)) {
          ctx.output(key as keyof typeof location, value);
        }
      };

      if (ctx.isDryRun) {
        ctx.logger.info(`Dry run: would create repository ${input.name}`);
        publish();
        return;
      }

      const { tree } = await commitFolder({
        sourceDir,
        branch: input.defaultBranch,
        author: options.author,
        message: options.commitMessage,
      });
      if (await host.exists(input.name)) {
        const existing = await host.treeOf(input.name, input.defaultBranch);
        if (existing === tree) {
          ctx.logger.info(
            `Repository ${input.name} already holds this content; nothing to do`,
          );
          publish();
          return;
        }
        if (existing !== undefined) {
          throw new ConflictError(
            `name: repository ${input.name} already exists with other content; it was left untouched`,
          );
        }
      } else {
        await ctx.checkpoint({
          key: `repo.create.local.${input.name}`,
          fn: () =>
            host.create({
              name: input.name,
              owner: input.owner,
              description: input.description,
              visibility: input.visibility,
              defaultBranch: input.defaultBranch,
              topics: input.topics,
              teamAccess: input.teamAccess,
              branchProtection: input.branchProtection,
            }),
        });
      }
      await ctx.checkpoint({
        key: `repo.push.local.${input.name}.${tree}`,
        fn: () =>
          host.push({
            name: input.name,
            sourceDir,
            defaultBranch: input.defaultBranch,
          }),
      });
      ctx.logger.info(
        `Created repository ${input.name} at ${location.cloneUrl}`,
      );
      publish();
    },
  });
}
