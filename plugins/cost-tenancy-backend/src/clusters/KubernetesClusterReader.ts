import http from 'node:http';
import https from 'node:https';
import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { CostStore } from '../store/CostStore';
import { clusterObjects } from './kubectlSnapshot';

/** A cluster of the Kubernetes plugin's config that the backend can read with its own token. */
export type LiveCluster = {
  name: string;
  url: string;
  token?: string;
  caData?: string;
  skipTLSVerify: boolean;
};

/** What is read, cluster-wide, page by page. Never Secrets. */
export const LISTS = [
  '/api/v1/namespaces',
  '/api/v1/resourcequotas',
  '/api/v1/limitranges',
  '/apis/networking.k8s.io/v1/networkpolicies',
  '/api/v1/pods?fieldSelector=status.phase!%3DSucceeded,status.phase!%3DFailed',
  '/api/v1/nodes',
];

const KIND_OF_LIST: Record<string, string> = {
  NamespaceList: 'Namespace',
  ResourceQuotaList: 'ResourceQuota',
  LimitRangeList: 'LimitRange',
  NetworkPolicyList: 'NetworkPolicy',
  PodList: 'Pod',
  NodeList: 'Node',
};

const PAGE_SIZE = 500;

/**
 * The `config` clusters of `kubernetes.clusterLocatorMethods` that use a
 * service account token: the ones the backend reads with its own credentials.
 */
export function liveClusters(
  config: Config,
  logger: LoggerService,
): LiveCluster[] {
  return (
    config.getOptionalConfigArray('kubernetes.clusterLocatorMethods') ?? []
  )
    .filter(method => method.getString('type') === 'config')
    .flatMap(method => method.getOptionalConfigArray('clusters') ?? [])
    .filter(cluster => {
      const auth = cluster.getOptionalString('authProvider');
      if (auth === 'serviceAccount') return true;
      logger.info(
        `Cluster ${cluster.getString(
          'name',
        )} is not read for cost: it uses authProvider ${auth}, and only serviceAccount clusters are read with the backend's credentials`,
      );
      return false;
    })
    .map(cluster => ({
      name: cluster.getString('name'),
      url: cluster.getString('url').replace(/\/$/, ''),
      token: cluster.getOptionalString('serviceAccountToken'),
      caData: cluster.getOptionalString('caData'),
      skipTLSVerify: cluster.getOptionalBoolean('skipTLSVerify') ?? false,
    }));
}

function get(cluster: LiveCluster, path: string): Promise<any> {
  const url = new URL(`${cluster.url}${path}`);
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      url,
      {
        method: 'GET',
        headers: {
          Accept: 'application/json',
          ...(cluster.token && { Authorization: `Bearer ${cluster.token}` }),
        },
        ...(url.protocol === 'https:' && {
          ca: cluster.caData
            ? Buffer.from(cluster.caData, 'base64')
            : undefined,
          rejectUnauthorized: !cluster.skipTLSVerify,
        }),
      },
      res => {
        const chunks: Buffer[] = [];
        res.on('data', chunk => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: any;
          try {
            body = JSON.parse(text);
          } catch {
            body = undefined;
          }
          if (res.statusCode !== 200) {
            reject(
              new Error(
                `${res.statusCode} ${body?.reason ?? ''} reading ${
                  url.pathname
                }: ${body?.message ?? text.slice(0, 200)}`,
              ),
            );
          } else {
            resolve(body);
          }
        });
      },
    );
    req.on('error', error =>
      reject(new Error(`${error.message} reading ${url.pathname}`)),
    );
    req.end();
  });
}

/** Every item of a cluster-wide list, following `continue` tokens. */
async function listAll(cluster: LiveCluster, path: string) {
  const items: any[] = [];
  let next: string | undefined;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const page = await get(
      cluster,
      `${path}${separator}limit=${PAGE_SIZE}${
        next ? `&continue=${encodeURIComponent(next)}` : ''
      }`,
    );
    const kind = KIND_OF_LIST[page.kind] ?? page.kind;
    items.push(...(page.items ?? []).map((item: any) => ({ kind, ...item })));
    next = page.metadata?.continue || undefined;
  } while (next);
  return items;
}

/** Reads each live cluster into today's sample, read-only and paged. */
export class KubernetesClusterReader {
  constructor(
    private readonly options: {
      store: CostStore;
      logger: LoggerService;
      clusters: LiveCluster[];
      now?: () => Date;
    },
  ) {}

  async readAll(): Promise<void> {
    const { store, logger } = this.options;
    const day = (this.options.now?.() ?? new Date()).toISOString().slice(0, 10);
    for (const cluster of this.options.clusters) {
      try {
        const items = (
          await Promise.all(LISTS.map(path => listAll(cluster, path)))
        ).flat();
        const read = clusterObjects(items);
        await store.saveClusterSample(
          {
            cluster: cluster.name,
            day,
            cpuAllocatable: read.cpuAllocatable,
            memoryAllocatable: read.memoryAllocatable,
            origin: `Kubernetes API ${cluster.url}`,
          },
          read.namespaces.map(ns => ({ ...ns, cluster: cluster.name, day })),
        );
        logger.info(
          `Cluster ${cluster.name}: ${read.namespaces.length} namespaces read for ${day}`,
        );
      } catch (error: any) {
        logger.warn(`Cluster ${cluster.name} not read: ${error.message}`);
      }
    }
  }
}
