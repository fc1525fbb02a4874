import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { LoggerService } from '@backstage/backend-plugin-api';
import { ConfigReader } from '@backstage/config';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { createRepoCreateAction } from '../actions/repoCreate';
import { repositoryHosts } from '../repositories/repositoryHosts';

/** A workspace as a New service run leaves it: a README and docs. */
export async function serviceWorkspace(workspacePath: string) {
  await fs.mkdir(join(workspacePath, 'docs'), { recursive: true });
  await fs.writeFile(join(workspacePath, 'README.md'), '# refund-service\n');
  await fs.writeFile(join(workspacePath, 'docs', 'index.md'), '# Docs\n');
}

/** A logger keeping every line it is given, to check what a run wrote. */
export function recordingLogger(lines: string[] = []): LoggerService & {
  lines: string[];
} {
  const record = (level: string) => (message: string, meta?: unknown) => {
    lines.push(`${level}: ${message}${meta ? ` ${JSON.stringify(meta)}` : ''}`);
  };
  const logger = {
    lines,
    info: record('info'),
    warn: record('warn'),
    error: record('error'),
    debug: record('debug'),
    child: () => logger,
  };
  return logger;
}

/**
 * Runs platform:repo:create as the portal would build it from this config,
 * in `workspacePath`, and returns the action context (outputs, logger).
 */
export async function runRepoCreate(options: {
  config: object;
  workspacePath: string;
  input: Record<string, unknown>;
  isDryRun?: boolean;
}) {
  const action = createRepoCreateAction({
    hosts: repositoryHosts(new ConfigReader(options.config)),
    organization: 'acme',
    author: { name: 'Platform Portal', email: 'portal@acme.example' },
    commitMessage: 'Initial commit from the Platform Portal',
  });
  const logger = recordingLogger();
  const ctx = {
    ...createMockActionContext({
      input: options.input as any,
      workspacePath: options.workspacePath,
      logger,
    }),
    isDryRun: options.isDryRun ?? false,
  };
  await action.handler(ctx as any);
  return { ...ctx, logger };
}
