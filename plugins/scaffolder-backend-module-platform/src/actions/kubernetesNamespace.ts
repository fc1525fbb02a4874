import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';
import { findCluster } from '../kubernetes/clusters';
import { KubernetesApplyClient } from '../kubernetes/KubernetesApplyClient';
import {
  estimateMonthlyCost,
  quotaSizeNames,
  quotaSizes,
  UnitPrices,
} from '../kubernetes/quota';
import { KubernetesObject, tenantBundle } from '../kubernetes/tenantBundle';
import { environmentsInput, InputShape, parseActionInput } from './actionInput';
import { examples } from './kubernetesNamespace.examples';

const RFC1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const LABEL_VALUE = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const RESERVED = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

const labelValue = (z: Parameters<InputShape[string]>[0], what: string) =>
  z
    .string()
    .max(63)
    .regex(
      LABEL_VALUE,
      'must be a Kubernetes label value: up to 63 letters, digits, dashes, underscores or dots, starting and ending with a letter or digit',
    )
    .describe(what);

const inputShape = {
  name: z =>
    z
      .string()
      .regex(
        RFC1123_LABEL,
        'must be an RFC 1123 label: lowercase letters, digits and dashes, starting and ending with a letter or digit',
      )
      .describe('Namespaces are named <name>-<environment>.'),
  team: z => labelValue(z, 'Owning team (label team).'),
  tenant: z =>
    labelValue(z, 'Tenant (label tenant); defaults to the team.').optional(),
  costCenter: z => labelValue(z, 'Cost center (label cost-center).'),
  ownerGroup: z =>
    z
      .string()
      .min(1)
      .max(253)
      .optional()
      .describe(
        'Group in the cluster that gets edit access; defaults to the team.',
      ),
  environments: z => environmentsInput(z, 'One namespace per environment.'),
  size: z =>
    z
      .enum(quotaSizeNames)
      .default('small')
      .describe('Quota preset: small, medium or large.'),
  quota: z =>
    z
      .object({
        cpu: z.number().positive().max(64).describe('CPU cores.'),
        memoryGiB: z.number().positive().max(512).describe('Memory in GiB.'),
        pods: z.number().int().positive().max(1000),
        persistentVolumeClaims: z.number().int().min(0).max(100),
      })
      .optional()
      .describe('Explicit quota per namespace; overrides size.'),
  podSecurity: z =>
    z
      .enum(['restricted', 'baseline'])
      .default('restricted')
      .describe('Pod Security Standard enforced in the namespaces.'),
  mode: z =>
    z
      .enum(['gitops', 'apply'])
      .default('gitops')
      .describe(
        'gitops: write the manifests into the workspace; apply: server-side apply them to a cluster.',
      ),
  cluster: z =>
    z
      .string()
      .optional()
      .describe(
        'Cluster from kubernetes.clusterLocatorMethods (mode apply only).',
      ),
  targetPath: z =>
    z
      .string()
      .default('deploy/namespaces')
      .describe('Workspace folder for the manifests (mode gitops).'),
} satisfies InputShape;

function namespaceNames(name: string, environments: string[]) {
  const namespaces: Record<string, string> = {};
  for (const environment of environments) {
    const namespace = `${name}-${environment}`;
    if (namespace.length > 63) {
      throw new InputError(
        `name: namespace ${namespace} is longer than 63 characters`,
      );
    }
    if (RESERVED.includes(namespace) || namespace.startsWith('kube-')) {
      throw new InputError(
        `name: namespace ${namespace} is reserved (default and kube-* belong to the cluster)`,
      );
    }
    namespaces[environment] = namespace;
  }
  return namespaces;
}

const manifestFile: Record<string, string> = {
  Namespace: 'namespace.yaml',
  ResourceQuota: 'resourcequota.yaml',
  LimitRange: 'limitrange.yaml',
  NetworkPolicy: 'networkpolicy.yaml',
  RoleBinding: 'rolebinding.yaml',
};

async function writeManifests(dir: string, objects: KubernetesObject[]) {
  await fs.mkdir(dir, { recursive: true });
  for (const object of objects) {
    await fs.writeFile(
      join(dir, manifestFile[object.kind]),
      yaml.stringify(object),
      'utf8',
    );
  }
  await fs.writeFile(
    join(dir, 'kustomization.yaml'),
    yaml.stringify({
      apiVersion: 'kustomize.config.k8s.io/v1beta1',
      kind: 'Kustomization',
      resources: objects.map(object => manifestFile[object.kind]),
    }),
    'utf8',
  );
}

export function createKubernetesNamespaceAction(options: {
  config: Config;
  prices: UnitPrices;
}) {
  return createTemplateAction({
    id: 'platform:kubernetes:namespace',
    description:
      "Creates a team's namespace per environment with labels for cost and Pod Security, a ResourceQuota and LimitRange, a default-deny NetworkPolicy allowing DNS, and edit access for the owning group; applied to a configured cluster or written as GitOps manifests. Outputs the estimated monthly cost of the quota.",
    examples,
    supportsDryRun: true,
    schema: {
      input: inputShape,
      output: {
        namespaces: z =>
          z.record(z.string()).describe('Namespace of each environment.'),
        estimatedMonthlyCost: z =>
          z
            .object({
              currency: z.string(),
              perEnvironment: z.number(),
              total: z.number(),
            })
            .describe('Cost of the requested quota per month.'),
        manifestsDir: z =>
          z.string().optional().describe('Workspace folder of the manifests.'),
      },
    },
    async handler(ctx) {
      const input = parseActionInput(inputShape, ctx.input);
      const namespaces = namespaceNames(input.name, input.environments);
      if (input.mode === 'apply' && !input.cluster) {
        throw new InputError('cluster: required when mode is apply');
      }
      const quota = input.quota ?? quotaSizes[input.size];
      const bundles = input.environments.map(environment => ({
        environment,
        objects: tenantBundle({
          namespace: namespaces[environment],
          team: input.team,
          tenant: input.tenant ?? input.team,
          environment,
          costCenter: input.costCenter,
          ownerGroup: input.ownerGroup ?? input.team,
          podSecurity: input.podSecurity,
          quota,
        }),
      }));
      const cost = estimateMonthlyCost({
        quota,
        environments: input.environments,
        prices: options.prices,
      });

      if (input.mode === 'gitops') {
        const target = resolveSafeChildPath(
          ctx.workspacePath,
          input.targetPath,
        );
        for (const bundle of bundles) {
          await writeManifests(
            resolveSafeChildPath(target, bundle.environment),
            bundle.objects,
          );
        }
        ctx.output('manifestsDir', input.targetPath);
      } else if (ctx.isDryRun) {
        ctx.logger.info(
          `Dry run: would apply ${Object.values(namespaces).join(
            ', ',
          )} to cluster ${input.cluster}`,
        );
      } else {
        const cluster = findCluster(options.config, input.cluster!);
        const client = new KubernetesApplyClient(cluster);
        // Never adopt a namespace another team owns; check all before any write.
        for (const bundle of bundles) {
          const existing = await client.get(bundle.objects[0]);
          const owner = existing?.metadata.labels?.team;
          if (existing && owner !== input.team) {
            throw new InputError(
              `name: namespace ${
                bundle.objects[0].metadata.name
              } already exists on cluster ${cluster.name} and belongs to ${
                owner ? `team ${owner}` : 'no team'
              }; it is never adopted`,
            );
          }
        }
        for (const bundle of bundles) {
          for (const object of bundle.objects) {
            await ctx.checkpoint({
              key: `kubernetes.apply.${cluster.name}.${object.kind}.${
                object.metadata.namespace ?? ''
              }.${object.metadata.name}`,
              fn: async () => {
                await client.apply(object);
              },
            });
          }
          ctx.logger.info(
            `Applied namespace ${namespaces[bundle.environment]} to cluster ${
              cluster.name
            }`,
          );
        }
      }

      ctx.output('namespaces', namespaces);
      ctx.output('estimatedMonthlyCost', cost);
    },
  });
}
