import {
  coreServices,
  createBackendModule,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { urlReaderFactoriesServiceRef } from '@backstage/backend-defaults/urlReader';
import { LocalRepositoryUrlReader } from './repositories/LocalRepositoryUrlReader';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createKubernetesNamespaceAction } from './actions/kubernetesNamespace';
import { createRepoCreateAction } from './actions/repoCreate';
import { repositoryHosts } from './repositories/repositoryHosts';
import { createTerraformModuleAction } from './actions/terraformModule';

/** The platform's scaffolder actions. */
export const scaffolderModulePlatform = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'platform',
  register({ registerInit }) {
    registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
      },
      async init({ scaffolder, config }) {
        const terraform = config.getOptionalConfig('platform.terraform');
        const prices = config.getOptionalConfig(
          'platform.kubernetes.unitPrices',
        );
        scaffolder.addActions(
          createTerraformModuleAction({
            state: {
              stateBucket:
                terraform?.getOptionalString('stateBucket') ??
                'acme-terraform-state',
              region: terraform?.getOptionalString('region') ?? 'eu-west-1',
              awsProviderVersion:
                terraform?.getOptionalString('awsProviderVersion') ?? '~> 5.0',
            },
          }),
          createRepoCreateAction({
            hosts: repositoryHosts(config),
            organization:
              config.getOptionalString('platform.repositories.organization') ??
              'acme',
            author: {
              name:
                config.getOptionalString('scaffolder.defaultAuthor.name') ??
                'Scaffolder',
              email:
                config.getOptionalString('scaffolder.defaultAuthor.email') ??
                'scaffolder@backstage.io',
            },
            commitMessage:
              config.getOptionalString('scaffolder.defaultCommitMessage') ??
              'Initial commit',
          }),
          createKubernetesNamespaceAction({
            config,
            prices: {
              cpuHour: prices?.getOptionalNumber('cpuHour') ?? 0.031,
              gibHour: prices?.getOptionalNumber('gibHour') ?? 0.004,
              currency: prices?.getOptionalString('currency') ?? 'USD',
            },
          }),
        );
      },
    });
  },
});

/** Lets the catalog and TechDocs read repositories of the local provider. */
export const localRepositoryUrlReader = createServiceFactory({
  service: urlReaderFactoriesServiceRef,
  deps: {},
  async factory() {
    return LocalRepositoryUrlReader.factory;
  },
});
