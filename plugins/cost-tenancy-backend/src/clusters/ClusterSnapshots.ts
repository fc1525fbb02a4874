import { promises as fs } from 'node:fs';
import { resolve } from 'node:path';
import { LoggerService } from '@backstage/backend-plugin-api';
import { CostStore } from '../store/CostStore';
import { readKubectlSnapshot } from './kubectlSnapshot';

/** A cluster the portal cannot reach, read from a saved `kubectl get -o json`. */
export type ClusterSnapshot = {
  cluster: string;
  path: string;
  /** The day the snapshot stands for; the day it is read when not given. */
  day?: string;
};

/** Reads the configured snapshots into one sample per cluster and day. */
export class ClusterSnapshots {
  constructor(
    private readonly options: {
      store: CostStore;
      logger: LoggerService;
      snapshots: ClusterSnapshot[];
      baseDir: string;
      now?: () => Date;
    },
  ) {}

  async readAll(): Promise<void> {
    const { store, logger } = this.options;
    const today = (this.options.now?.() ?? new Date())
      .toISOString()
      .slice(0, 10);
    for (const snapshot of this.options.snapshots) {
      const file = resolve(this.options.baseDir, snapshot.path);
      try {
        const read = readKubectlSnapshot(
          await fs.readFile(file, 'utf8'),
          snapshot.path,
        );
        const day = snapshot.day ?? today;
        await store.saveClusterSample(
          {
            cluster: snapshot.cluster,
            day,
            cpuAllocatable: read.cpuAllocatable,
            memoryAllocatable: read.memoryAllocatable,
            origin: `snapshot ${snapshot.path}`,
          },
          read.namespaces.map(ns => ({
            ...ns,
            cluster: snapshot.cluster,
            day,
          })),
        );
        logger.info(
          `Cluster ${snapshot.cluster}: ${read.namespaces.length} namespaces from ${snapshot.path} for ${day}`,
        );
      } catch (error: any) {
        logger.warn(
          `Cluster snapshot ${snapshot.path} not read: ${error.message}`,
        );
      }
    }
  }
}
