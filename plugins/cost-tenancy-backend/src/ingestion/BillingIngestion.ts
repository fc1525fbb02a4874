import { LoggerService, UrlReaderService } from '@backstage/backend-plugin-api';
import { IngestionRun } from '@internal/plugin-cost-tenancy-common';
import { DailyCostAggregator, TagKeys } from '../focus/dailyCosts';
import { readFocusFile } from '../focus/readFocusFile';
import { CostStore } from '../store/CostStore';
import { BillingSource, listExportFiles } from './billingSources';

export type BillingIngestionOptions = {
  store: CostStore;
  reader: UrlReaderService;
  logger: LoggerService;
  sources: BillingSource[];
  tagKeys: TagKeys;
  maxFileBytes: number;
  /** Folder relative source paths are resolved from. */
  baseDir: string;
};

/**
 * Ingests every configured billing source. Each file is read whole before
 * its costs replace what it delivered before, in one transaction; a file
 * that fails leaves its earlier data exactly as it was, and the other files
 * and sources go on. Files a source no longer holds are forgotten.
 */
export class BillingIngestion {
  constructor(private readonly options: BillingIngestionOptions) {}

  async runAll(trigger: IngestionRun['trigger']): Promise<void> {
    for (const source of this.options.sources) {
      await this.runSource(source, trigger);
    }
  }

  async runSource(source: BillingSource, trigger: IngestionRun['trigger']) {
    const { store, logger } = this.options;
    const started = Date.now();
    const runId = await store.startRun(source.name, trigger);
    const errors: string[] = [];
    let rows = 0;
    let rejectedRows = 0;
    let files = 0;
    let failedFiles = 0;
    try {
      const listed = await listExportFiles(
        source,
        this.options.reader,
        this.options.baseDir,
      );
      const stored = new Map(
        (await store.filesOf(source.name)).map(f => [f.file, f.fingerprint]),
      );
      for (const file of listed) {
        files++;
        const progress = { rows: 0 };
        try {
          const aggregator = new DailyCostAggregator(this.options.tagKeys);
          const result = await readFocusFile(file, aggregator, {
            maxBytes: this.options.maxFileBytes,
            progress,
          });
          rows += result.rows;
          if (stored.get(file.name) !== result.fingerprint) {
            const costs = aggregator.costs();
            await store.replaceFile({
              source: source.name,
              file: file.name,
              fingerprint: result.fingerprint,
              rows: result.rows,
              costs,
            });
          }
        } catch (error: any) {
          failedFiles++;
          rejectedRows += progress.rows;
          errors.push(`${source.name}/${error.message}`);
          logger.warn(
            `Billing file not ingested: ${source.name}/${error.message}`,
          );
        }
      }
      const listedNames = new Set(listed.map(f => f.name));
      await store.removeFiles(
        source.name,
        [...stored.keys()].filter(name => !listedNames.has(name)),
      );
    } catch (error: any) {
      errors.push(`${source.name}: ${error.message}`);
      failedFiles = files || 1;
    }
    let outcome: IngestionRun['outcome'] = 'succeeded';
    if (errors.length > 0) {
      outcome = failedFiles >= files ? 'failed' : 'partial';
    }
    await store.finishRun(runId, {
      outcome,
      files,
      rows,
      rejectedRows,
      error: errors.length ? errors.join('\n') : null,
      durationMs: Date.now() - started,
    });
    logger.info(
      `Billing source ${
        source.name
      }: ${outcome}, ${files} files, ${rows} rows in ${
        Date.now() - started
      } ms`,
    );
  }
}
