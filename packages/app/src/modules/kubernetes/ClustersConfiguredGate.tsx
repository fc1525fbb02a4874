import { ReactNode } from 'react';
import useAsync from 'react-use/esm/useAsync';
import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { kubernetesApiRef } from '@backstage/plugin-kubernetes-react';

/**
 * Shows the Kubernetes tab's content only when the portal knows at least one
 * cluster; otherwise says plainly that none is configured and where to add one.
 */
export function ClustersConfiguredGate(props: { children: ReactNode }) {
  const kubernetesApi = useApi(kubernetesApiRef);
  const {
    value: clusters,
    loading,
    error,
  } = useAsync(() => kubernetesApi.getClusters(), [kubernetesApi]);

  if (loading) {
    return <Progress />;
  }
  if (error) {
    return <ResponseErrorPanel error={error} />;
  }
  if (!clusters || clusters.length === 0) {
    return (
      <EmptyState
        missing="info"
        title="No Kubernetes clusters are configured"
        description="This portal does not know any cluster yet, so it cannot show what runs where. Add a cluster under kubernetes.clusterLocatorMethods in app-config.yaml to see this component's workloads."
      />
    );
  }
  return <>{props.children}</>;
}
