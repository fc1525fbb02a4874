import { Config } from '@backstage/config';
import {
  DefaultGithubCredentialsProvider,
  ScmIntegrations,
} from '@backstage/integration';
import { GithubRepositoryHost } from './GithubRepositoryHost';
import { GitlabRepositoryHost } from './GitlabRepositoryHost';
import {
  LocalRepositoryHost,
  localRepositoriesDirectory,
} from './LocalRepositoryHost';
import { RepositoryHosts } from './RepositoryHost';

/**
 * The providers platform:repo:create can use, from `platform.repositories`
 * and Backstage's `integrations`. GitHub and GitLab check their credentials
 * when a run uses them, so a portal without them still starts.
 */
export function repositoryHosts(config: Config): RepositoryHosts {
  const integrations = ScmIntegrations.fromConfig(config);
  const settings = config.getOptionalConfig('platform.repositories');
  const organization = settings?.getOptionalString('organization') ?? 'acme';
  return {
    local: new LocalRepositoryHost(localRepositoriesDirectory(config)),
    github: new GithubRepositoryHost({
      integrations,
      credentials:
        DefaultGithubCredentialsProvider.fromIntegrations(integrations),
      host: settings?.getOptionalString('github.host') ?? 'github.com',
      organization:
        settings?.getOptionalString('github.organization') ?? organization,
    }),
    gitlab: new GitlabRepositoryHost({
      integrations,
      host: settings?.getOptionalString('gitlab.host') ?? 'gitlab.com',
      group: settings?.getOptionalString('gitlab.group') ?? organization,
    }),
  };
}
