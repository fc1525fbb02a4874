import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createKubernetesNamespaceAction } from './actions/kubernetesNamespace';
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
