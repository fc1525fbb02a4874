import { promises as fs } from 'node:fs';
import { dirname } from 'node:path';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { moduleKindNames } from '../terraform/moduleKinds';
import { renderTerraformModule } from '../terraform/renderModule';
import { examples } from './terraformModule.examples';
import { environmentsInput, InputShape, parseActionInput } from './actionInput';

/** Where Terraform state lives; from backend config, never from templates. */
export type TerraformStateSettings = {
  stateBucket: string;
  region: string;
  awsProviderVersion: string;
};

const NAME = /^[a-z][a-z0-9-]{1,38}[a-z0-9]$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;

const inputShape = {
  name: z =>
    z
      .string()
      .regex(
        NAME,
        'must be 3-40 lowercase letters, digits or dashes, start with a letter and not end with a dash',
      )
      .describe('Module name; also names the resources.'),
  kind: z => z.enum(moduleKindNames).describe('What the module provisions.'),
  team: z =>
    z.string().min(1).max(256).describe('Owning team (cost tag team).'),
  service: z =>
    z
      .string()
      .min(1)
      .max(256)
      .describe('Service the infrastructure belongs to (cost tag service).'),
  costCenter: z =>
    z
      .string()
      .min(1)
      .max(256)
      .describe('Cost center that pays (cost tag cost-center).'),
  environments: z =>
    environmentsInput(z, 'Environments to create a root module for.'),
  productionEnvironments: z =>
    z
      .array(z.string())
      .default(['prod'])
      .describe('Environments sized for production.'),
  region: z =>
    z
      .string()
      .regex(REGION, 'must be an AWS region such as eu-west-1')
      .optional()
      .describe('AWS region; defaults to the configured one.'),
  targetPath: z =>
    z
      .string()
      .default('terraform')
      .describe('Folder of the workspace to write into.'),
} satisfies InputShape;

export function createTerraformModuleAction(options: {
  state: TerraformStateSettings;
}) {
  const { state } = options;
  return createTemplateAction({
    id: 'platform:terraform:module',
    description:
      'Renders a Terraform module (modules/<name>) and one root per environment (environments/<env>) into the workspace, with the cost tags team, service, environment and cost-center on every resource and an S3 backend with one locked state key per environment.',
    examples,
    supportsDryRun: true,
    schema: {
      input: inputShape,
      output: {
        moduleDir: z => z.string().describe('Path of modules/<name>.'),
        environmentDirs: z =>
          z.record(z.string()).describe('Path of each environment root.'),
      },
    },
    async handler(ctx) {
      const input = parseActionInput(inputShape, ctx.input);
      const unknownProduction = input.productionEnvironments.filter(
        env => !input.environments.includes(env),
      );
      if (unknownProduction.length > 0) {
        throw new Error(
          `productionEnvironments: ${unknownProduction.join(
            ', ',
          )} must be listed in environments`,
        );
      }
      const files = renderTerraformModule({
        name: input.name,
        kind: input.kind,
        team: input.team,
        service: input.service,
        costCenter: input.costCenter,
        environments: input.environments,
        productionEnvironments: input.productionEnvironments,
        region: input.region ?? state.region,
        stateBucket: state.stateBucket,
        awsProviderVersion: state.awsProviderVersion,
      });

      // Writes stay inside the workspace, so a dry run writes them too.
      const target = resolveSafeChildPath(ctx.workspacePath, input.targetPath);
      for (const [path, content] of Object.entries(files)) {
        const file = resolveSafeChildPath(target, path);
        await fs.mkdir(dirname(file), { recursive: true });
        await fs.writeFile(file, content, 'utf8');
      }
      ctx.logger.info(
        `Rendered ${Object.keys(files).length} Terraform files for ${
          input.name
        } (${input.kind}) into ${input.targetPath}`,
      );

      ctx.output('moduleDir', `${input.targetPath}/modules/${input.name}`);
      ctx.output(
        'environmentDirs',
        Object.fromEntries(
          input.environments.map(env => [
            env,
            `${input.targetPath}/environments/${env}`,
          ]),
        ),
      );
    },
  });
}
