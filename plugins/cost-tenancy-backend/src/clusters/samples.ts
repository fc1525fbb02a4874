import { NamespaceQuota } from '@internal/plugin-cost-tenancy-common';

/** A cluster's capacity on one day. */
export type ClusterSample = {
  cluster: string;
  day: string;
  /** Allocatable CPU cores of all nodes; 0 when unknown. */
  cpuAllocatable: number;
  /** Allocatable memory bytes of all nodes; 0 when unknown. */
  memoryAllocatable: number;
  origin: string;
};

/** One namespace of a cluster on one day. */
export type NamespaceSample = {
  cluster: string;
  day: string;
  namespace: string;
  labels: Record<string, string>;
  cpuRequests: number;
  memoryRequests: number;
  pods: number;
  quotas: Array<Omit<NamespaceQuota, 'requested'>>;
  hasLimitRange: boolean;
  hasNetworkPolicy: boolean;
  podSecurity: string | null;
};
