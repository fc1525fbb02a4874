import { screen } from '@testing-library/react';
import {
  renderInTestApp,
  TestApiProvider,
} from '@backstage/frontend-test-utils';
import { kubernetesApiRef } from '@backstage/plugin-kubernetes-react';
import { ClustersConfiguredGate } from './ClustersConfiguredGate';

function renderGate(getClusters: () => Promise<unknown>) {
  return renderInTestApp(
    <TestApiProvider apis={[[kubernetesApiRef, { getClusters } as any]]}>
      <ClustersConfiguredGate>
        <p>workloads of payments-api</p>
      </ClustersConfiguredGate>
    </TestApiProvider>,
  );
}

describe('ClustersConfiguredGate', () => {
  it('says plainly that no cluster is configured', async () => {
    renderGate(async () => []);

    expect(
      await screen.findByText('No Kubernetes clusters are configured'),
    ).toBeInTheDocument();
    expect(screen.getByText(/kubernetes\.clusterLocatorMethods/)).toBeVisible();
    expect(screen.queryByText('workloads of payments-api')).toBeNull();
  });

  it('shows the workloads when a cluster is configured', async () => {
    renderGate(async () => [
      { name: 'prod-eu', authProvider: 'serviceAccount' },
    ]);

    expect(
      await screen.findByText('workloads of payments-api'),
    ).toBeInTheDocument();
    expect(
      screen.queryByText('No Kubernetes clusters are configured'),
    ).toBeNull();
  });

  it('shows why the cluster list could not be read', async () => {
    renderGate(async () => {
      throw new Error('kubernetes backend answered 503');
    });

    expect(
      await screen.findByText('Error: kubernetes backend answered 503'),
    ).toBeInTheDocument();
    expect(screen.queryByText('workloads of payments-api')).toBeNull();
  });
});
