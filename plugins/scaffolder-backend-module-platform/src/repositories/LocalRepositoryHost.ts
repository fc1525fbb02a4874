import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve as resolvePath } from 'node:path';
import { Config } from '@backstage/config';
import { pathToFileURL } from 'node:url';
import { git } from './git';

/** Where local repositories live, from platform.repositories.local.directory. */
export function localRepositoriesDirectory(config: Config): string {
  return resolvePath(
    config.getOptionalString('platform.repositories.local.directory') ??
      join(tmpdir(), 'platform-portal', 'repositories'),
  );
}

export type RepositorySettings = {
  name: string;
  owner: string;
  description: string;
  visibility: string;
  defaultBranch: string;
  topics: string[];
  teamAccess: Array<{ team: string; permission: string }>;
  branchProtection: {
    requiredReviews: number;
    requireCodeOwnerReviews: boolean;
  };
};

export type RepositoryLocation = {
  remoteUrl: string;
  cloneUrl: string;
  repoContentsUrl: string;
  catalogInfoUrl: string;
};

/**
 * Repositories as bare git repositories under one directory, the portal's
 * embedded default forge. Each has a checkout of its default branch beside
 * it, kept current by a post-receive hook, which the catalog and TechDocs
 * read; a pre-receive hook protects the default branch from force pushes
 * and deletion.
 */
export class LocalRepositoryHost {
  constructor(private readonly directory: string) {}

  private barePath(name: string) {
    return join(this.directory, `${name}.git`);
  }

  private checkoutPath(name: string) {
    return join(this.directory, 'checkouts', name);
  }

  location(name: string): RepositoryLocation {
    const bare = pathToFileURL(this.barePath(name)).href;
    const contents = pathToFileURL(this.checkoutPath(name)).href;
    return {
      remoteUrl: bare,
      cloneUrl: bare,
      repoContentsUrl: contents,
      catalogInfoUrl: `${contents}/catalog-info.yaml`,
    };
  }

  async exists(name: string): Promise<boolean> {
    return fs
      .stat(this.barePath(name))
      .then(() => true)
      .catch(() => false);
  }

  /** The tree of the default branch, or undefined when it has no commit yet. */
  async treeOf(name: string, branch: string): Promise<string | undefined> {
    return git([
      '--git-dir',
      this.barePath(name),
      'rev-parse',
      '--verify',
      '--quiet',
      `refs/heads/${branch}^{tree}`,
    ]).catch(() => undefined);
  }

  async create(settings: RepositorySettings): Promise<void> {
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
    await fs.writeFile(join(bare, 'description'), `${settings.description}\n`);
    const record: Array<[string, string]> = [
      ['portal.owner', settings.owner],
      ['portal.visibility', settings.visibility],
      [
        'portal.requiredReviews',
        String(settings.branchProtection.requiredReviews),
      ],
      [
        'portal.requireCodeOwnerReviews',
        String(settings.branchProtection.requireCodeOwnerReviews),
      ],
      ...settings.topics.map(
        topic => ['portal.topic', topic] as [string, string],
      ),
      ...settings.teamAccess.map(
        access =>
          ['portal.access', `${access.team}:${access.permission}`] as [
            string,
            string,
          ],
      ),
    ];
    for (const [key, value] of record) {
      await git(['--git-dir', bare, 'config', '--add', key, value]);
    }
    const branchRef = `refs/heads/${settings.defaultBranch}`;
    await this.writeHook(bare, 'pre-receive', [
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
    await this.writeHook(bare, 'post-receive', [
      `git --git-dir="${bare}" --work-tree="${checkout}" checkout --quiet -f ${settings.defaultBranch}`,
    ]);
  }

  /** Pushes the folder's current commit as the default branch. */
  async push(options: {
    name: string;
    sourceDir: string;
    defaultBranch: string;
  }): Promise<void> {
    await git(
      [
        'push',
        '--quiet',
        this.barePath(options.name),
        `HEAD:refs/heads/${options.defaultBranch}`,
      ],
      { cwd: options.sourceDir },
    );
  }

  private async writeHook(bare: string, hook: string, lines: string[]) {
    const path = join(bare, 'hooks', hook);
    await fs.writeFile(path, ['#!/bin/sh', 'set -e', ...lines, ''].join('\n'));
    await fs.chmod(path, 0o755);
  }
}
