import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';

/** A cluster the portal may write to, as the Kubernetes plugin's config lists it. */
export type ClusterConnection = {
  name: string;
  url: string;
  token?: string;
  caData?: string;
  skipTLSVerify: boolean;
};

/**
 * Finds a cluster among the `config` cluster locators of
 * `kubernetes.clusterLocatorMethods`. Only service-account clusters qualify:
 * the action writes with the backend's own credentials, never a user's.
 */
export function findCluster(config: Config, name: string): ClusterConnection {
  const clusters = (
    config.getOptionalConfigArray('kubernetes.clusterLocatorMethods') ?? []
  )
    .filter(method => method.getString('type') === 'config')
    .flatMap(method => method.getOptionalConfigArray('clusters') ?? []);
  const cluster = clusters.find(c => c.getString('name') === name);
  if (!cluster) {
    const known = clusters.map(c => c.getString('name'));
    throw new InputError(
      `cluster: no cluster named "${name}" under kubernetes.clusterLocatorMethods (configured: ${
        known.length > 0 ? known.join(', ') : 'none'
      })`,
    );
  }
  const authProvider = cluster.getOptionalString('authProvider');
  if (authProvider !== 'serviceAccount') {
    throw new InputError(
      `cluster: "${name}" uses authProvider ${authProvider}; namespaces are applied only to clusters with authProvider serviceAccount`,
    );
  }
  return {
    name,
    url: cluster.getString('url'),
    token: cluster.getOptionalString('serviceAccountToken'),
    caData: cluster.getOptionalString('caData'),
    skipTLSVerify: cluster.getOptionalBoolean('skipTLSVerify') ?? false,
  };
}
