import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve as resolvePath } from 'node:path';
import { Config } from '@backstage/config';
import { pathToFileURL } from 'node:url';
import { git } from './git';
import {
  RepositoryHost,
  RepositoryLocation,
  RepositorySettings,
} from './RepositoryHost';

/** Where local repositories live, from platform.repositories.local.directory. */
export function localRepositoriesDirectory(config: Config): string {
  return resolvePath(
    config.getOptionalString('platform.repositories.local.directory') ??
      join(tmpdir(), 'platform-portal', 'repositories'),
  );
}

/**
 * Repositories as bare git repositories under one directory, the portal's
 * embedded default forge. Each has a checkout of its default branch beside
 * it, kept current by a post-receive hook, which the catalog and TechDocs
 * read; a pre-receive hook protects the default branch from force pushes
 * and deletion.
 */
export class LocalRepositoryHost implements RepositoryHost {
  constructor(private readonly directory: string) {}

  private barePath(name: string) {
    return join(this.directory, `${name}.git`);
  }

  private checkoutPath(name: string) {
    return join(this.directory, 'checkouts', name);
  }

  plannedLocation(name: string): RepositoryLocation {
    const bare = pathToFileURL(this.barePath(name)).href;
    const contents = pathToFileURL(this.checkoutPath(name)).href;
    return {
      remoteUrl: bare,
      cloneUrl: bare,
      repoContentsUrl: contents,
      catalogInfoUrl: `${contents}/catalog-info.yaml`,
    };
  }

  async find(name: string): Promise<RepositoryLocation | undefined> {
    const exists = await fs
      .stat(this.barePath(name))
      .then(() => true)
      .catch(() => false);
    return exists ? this.plannedLocation(name) : undefined;
  }

  async create(settings: RepositorySettings): Promise<RepositoryLocation> {
    const bare = this.barePath(settings.name);
    const checkout = this.checkoutPath(settings.name);
    await fs.mkdir(checkout, { recursive: true });
    await git([
      'init',
      '--quiet',
      '--bare',
      '-b',
      settings.defaultBranch,
      bare,
    ]);
    await this.writeHook(bare, 'post-receive', [
      `git --git-dir="${bare}" --work-tree="${checkout}" checkout --quiet -f ${settings.defaultBranch}`,
    ]);
    return this.plannedLocation(settings.name);
  }

  /** Records the settings in the repository's git config (`portal.*`). */
  async configure(settings: RepositorySettings): Promise<void> {
    const bare = this.barePath(settings.name);
    await fs.writeFile(join(bare, 'description'), `${settings.description}\n`);
    const record: Array<[string, string[]]> = [
      ['portal.owner', [settings.owner]],
      ['portal.visibility', [settings.visibility]],
      [
        'portal.requiredReviews',
        [String(settings.branchProtection.requiredReviews)],
      ],
      [
        'portal.requireCodeOwnerReviews',
        [String(settings.branchProtection.requireCodeOwnerReviews)],
      ],
      ['portal.topic', settings.topics],
      [
        'portal.access',
        settings.teamAccess.map(
          access => `${access.team}:${access.permission}`,
        ),
      ],
    ];
    for (const [key, values] of record) {
      await git(['--git-dir', bare, 'config', '--unset-all', key]).catch(
        () => undefined,
      );
      for (const value of values) {
        await git(['--git-dir', bare, 'config', '--add', key, value]);
      }
    }
  }

  /** A pre-receive hook refusing force pushes to and deletion of the default branch. */
  async protect(settings: RepositorySettings): Promise<void> {
    const branchRef = `refs/heads/${settings.defaultBranch}`;
    await this.writeHook(this.barePath(settings.name), 'pre-receive', [
      'zero=0000000000000000000000000000000000000000',
      'while read old new ref; do',
      `  [ "$ref" = "${branchRef}" ] || continue`,
      '  if [ "$new" = "$zero" ]; then',
      `    echo "${settings.defaultBranch} is protected: it cannot be deleted" >&2; exit 1`,
      '  fi',
      '  if [ "$old" != "$zero" ] && ! git merge-base --is-ancestor "$old" "$new"; then',
      `    echo "${settings.defaultBranch} is protected: force pushes are refused" >&2; exit 1`,
      '  fi',
      'done',
    ]);
  }

  async gitAuth() {
    return undefined;
  }

  private async writeHook(bare: string, hook: string, lines: string[]) {
    const path = join(bare, 'hooks', hook);
    await fs.writeFile(path, ['#!/bin/sh', 'set -e', ...lines, ''].join('\n'));
    await fs.chmod(path, 0o755);
  }
}
