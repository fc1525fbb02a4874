import { LoggerService } from '@backstage/backend-plugin-api';
import { GitHttpAuth } from './git';

/** What platform:repo:create asks of a repository, whatever the provider. */
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

/** Where a repository is: the action's outputs. */
export type RepositoryLocation = {
  remoteUrl: string;
  cloneUrl: string;
  repoContentsUrl: string;
  catalogInfoUrl: string;
};

/** A hosted repository's location from its web page, clone URL and default branch's folder view. */
export function locationOf(
  webUrl: string,
  cloneUrl: string,
  contentsUrl: string,
): RepositoryLocation {
  return {
    remoteUrl: webUrl,
    cloneUrl,
    repoContentsUrl: contentsUrl,
    catalogInfoUrl: `${contentsUrl}/catalog-info.yaml`,
  };
}

/**
 * A place repositories are created in (the local disk, GitHub, GitLab).
 * Content moves with real `git` over `cloneUrl`; the host does the rest
 * through its own API. `configure` and `protect` are safe to repeat, so a
 * re-run after a failure converges.
 */
export interface RepositoryHost {
  /** Where the repository would be, without asking the provider (dry runs). */
  plannedLocation(name: string, defaultBranch: string): RepositoryLocation;
  /** The repository as the provider reports it, or undefined when it does not exist. */
  find(
    name: string,
    defaultBranch: string,
  ): Promise<RepositoryLocation | undefined>;
  /** Creates an empty repository. */
  create(settings: RepositorySettings): Promise<RepositoryLocation>;
  /** Applies description, visibility, topics and team access. */
  configure(settings: RepositorySettings): Promise<void>;
  /** Protects the default branch, which exists by then. */
  protect(settings: RepositorySettings, logger: LoggerService): Promise<void>;
  /** Credentials for git over HTTP, or undefined when git needs none. */
  gitAuth(): Promise<GitHttpAuth | undefined>;
}

export const PROVIDERS = ['local', 'github', 'gitlab'] as const;

/** Where repositories can be created, by provider name. */
export type RepositoryHosts = Record<
  (typeof PROVIDERS)[number],
  RepositoryHost
>;
