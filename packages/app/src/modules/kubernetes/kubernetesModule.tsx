import {
  coreExtensionData,
  createFrontendModule,
} from '@backstage/frontend-plugin-api';
import kubernetesPlugin from '@backstage/plugin-kubernetes/alpha';
import { ClustersConfiguredGate } from './ClustersConfiguredGate';

const kubernetesContent = kubernetesPlugin.getExtension(
  'entity-content:kubernetes/kubernetes',
);

/** The Kubernetes entity tab, which says so when no cluster is configured. */
export const kubernetesModule = createFrontendModule({
  pluginId: 'kubernetes',
  extensions: [
    kubernetesContent.override({
      *factory(originalFactory) {
        for (const output of originalFactory()) {
          if (output.id === coreExtensionData.reactElement.id) {
            yield coreExtensionData.reactElement(
              <ClustersConfiguredGate>{output.value}</ClustersConfiguredGate>,
            );
          } else {
            yield output;
          }
        }
      },
    }),
  ],
});
