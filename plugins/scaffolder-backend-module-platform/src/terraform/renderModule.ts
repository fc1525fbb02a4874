import { attr, block, expr, HclBodyItem, obj, renderFile } from './hcl';
import { ModuleKind, moduleKinds, sizingValue } from './moduleKinds';

export type TerraformModuleOptions = {
  name: string;
  kind: ModuleKind;
  team: string;
  service: string;
  costCenter: string;
  environments: string[];
  productionEnvironments: string[];
  region: string;
  stateBucket: string;
  awsProviderVersion: string;
};

/** The cost tags every resource carries; the cost plugin allocates by them. */
const costTags = obj([
  ['team', expr('var.team')],
  ['service', expr('var.service')],
  ['environment', expr('var.environment')],
  ['cost-center', expr('var.cost_center')],
]);

const variable = (
  name: string,
  description: string,
  type: string,
): HclBodyItem =>
  block(
    'variable',
    [name],
    [attr('description', description), attr('type', expr(type))],
  );

const spaced = (items: HclBodyItem[]): HclBodyItem[] =>
  items.flatMap((item, i) => (i === 0 ? [item] : ['blank' as const, item]));

const taggingVariables = [
  ['name', 'Name of the resources, unique per environment.'],
  ['team', 'Owning team (cost tag `team`).'],
  ['service', 'Service the resources belong to (cost tag `service`).'],
  ['environment', 'Environment (cost tag `environment`).'],
  ['cost_center', 'Cost center that pays (cost tag `cost-center`).'],
] as const;

/** A user-supplied value as inline Markdown code on one line. */
const markdownCode = (value: string) => {
  const oneLine = [...value]
    .map(char => (char < ' ' || char === '\u007f' ? ' ' : char))
    .join('');
  return `\`${oneLine.replace(/`/g, "'")}\``;
};

function moduleFiles(options: TerraformModuleOptions): Record<string, string> {
  const kind = moduleKinds[options.kind];
  const versions = renderFile([
    block(
      'terraform',
      [],
      [
        attr('required_version', '>= 1.10'),
        'blank',
        block(
          'required_providers',
          [],
          [
            attr(
              'aws',
              obj([
                ['source', 'hashicorp/aws'],
                ['version', options.awsProviderVersion],
              ]),
            ),
          ],
        ),
      ],
    ),
  ]);
  const variables = renderFile(
    spaced([
      ...taggingVariables.map(([name, description]) =>
        variable(name, description, 'string'),
      ),
      ...kind.sizing.map(v => variable(v.name, v.description, v.type)),
    ]),
  );
  const main = renderFile([
    block('locals', [], [attr('tags', costTags)]),
    'blank',
    ...kind.resources,
  ]);
  const outputs = renderFile(
    spaced(
      kind.outputs.map(output =>
        block(
          'output',
          [output.name],
          [
            attr('description', output.description),
            attr('value', expr(output.value)),
          ],
        ),
      ),
    ),
  );
  const readme = [
    `# ${options.name}`,
    '',
    `${kind.title}, for the service ${markdownCode(options.service)}.`,
    'Rendered by the Platform Portal (`platform:terraform:module`).',
    '',
    'Every resource that supports tags carries `team`, `service`, `environment`',
    'and `cost-center`; the portal allocates cost to teams by them.',
    '',
    '## Inputs',
    '',
    '| name | description |',
    '|---|---|',
    ...taggingVariables.map(
      ([name, description]) => `| \`${name}\` | ${description} |`,
    ),
    ...kind.sizing.map(v => `| \`${v.name}\` | ${v.description} |`),
    '',
    '## Outputs',
    '',
    ...kind.outputs.map(o => `- \`${o.name}\`: ${o.description}`),
    '',
  ].join('\n');
  const dir = `modules/${options.name}`;
  return {
    [`${dir}/main.tf`]: main,
    [`${dir}/variables.tf`]: variables,
    [`${dir}/outputs.tf`]: outputs,
    [`${dir}/versions.tf`]: versions,
    [`${dir}/README.md`]: readme,
  };
}

function environmentFiles(
  options: TerraformModuleOptions,
  environment: string,
): Record<string, string> {
  const kind = moduleKinds[options.kind];
  const production = options.productionEnvironments.includes(environment);
  const moduleLabel = options.name.replace(/-/g, '_');
  const main = renderFile(
    spaced([
      ...kind.sizing.map(v => variable(v.name, v.description, v.type)),
      block(
        'provider',
        ['aws'],
        [
          attr('region', options.region),
          'blank',
          block(
            'default_tags',
            [],
            [
              attr(
                'tags',
                obj([
                  ['team', options.team],
                  ['service', options.service],
                  ['environment', environment],
                  ['cost-center', options.costCenter],
                ]),
              ),
            ],
          ),
        ],
      ),
      block(
        'module',
        [moduleLabel],
        [
          attr('source', `../../modules/${options.name}`),
          'blank',
          attr('name', `${options.name}-${environment}`),
          attr('team', options.team),
          attr('service', options.service),
          attr('environment', environment),
          attr('cost_center', options.costCenter),
          ...kind.sizing.map(v => attr(v.name, expr(`var.${v.name}`))),
        ],
      ),
    ]),
  );
  const backend = renderFile([
    block(
      'terraform',
      [],
      [
        block(
          'backend',
          ['s3'],
          [
            attr('bucket', options.stateBucket),
            attr(
              'key',
              `${options.service}/${options.name}/${environment}/terraform.tfstate`,
            ),
            attr('region', options.region),
            attr('encrypt', true),
            attr('use_lockfile', true),
          ],
        ),
      ],
    ),
  ]);
  const tfvars = renderFile(
    kind.sizing.map(v => attr(v.name, sizingValue(v, production))),
  );
  const dir = `environments/${environment}`;
  return {
    [`${dir}/main.tf`]: main,
    [`${dir}/backend.tf`]: backend,
    [`${dir}/terraform.tfvars`]: tfvars,
  };
}

/** Every file of the module and its environments, by path relative to the target folder. */
export function renderTerraformModule(
  options: TerraformModuleOptions,
): Record<string, string> {
  return Object.assign(
    moduleFiles(options),
    ...options.environments.map(env => environmentFiles(options, env)),
  );
}
