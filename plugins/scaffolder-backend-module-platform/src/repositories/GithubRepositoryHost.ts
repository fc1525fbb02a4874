import {
  GithubCredentialsProvider,
  ScmIntegrationRegistry,
} from '@backstage/integration';
import { callApi, ProviderApi } from './providerApi';
import {
  locationOf,
  RepositoryHost,
  RepositorySettings,
} from './RepositoryHost';

/** What an owner team may do in its repository. */
const OWNER_PERMISSION = 'maintain';

/**
 * Repositories in a GitHub organisation, through the REST API with the
 * credentials of Backstage's `integrations.github` entry for the host (a
 * token or a GitHub App).
 */
export class GithubRepositoryHost implements RepositoryHost {
  constructor(
    private readonly options: {
      integrations: ScmIntegrationRegistry;
      credentials: GithubCredentialsProvider;
      host: string;
      organization: string;
    },
  ) {}

  private get organization() {
    return this.options.organization;
  }

  private async token(): Promise<{ token: string; apiBaseUrl: string }> {
    const { host, organization } = this.options;
    const integration = this.options.integrations.github.byHost(host);
    if (!integration) {
      throw new Error(
        `provider: no integrations.github entry for ${host}; add one with a token or a GitHub App`,
      );
    }
    const { token } = await this.options.credentials.getCredentials({
      url: `https://${host}/${organization}`,
    });
    if (!token) {
      throw new Error(
        `provider: the integrations.github entry for ${host} has no token or GitHub App installed in ${organization}`,
      );
    }
    return {
      token,
      apiBaseUrl: integration.config.apiBaseUrl ?? 'https://api.github.com',
    };
  }

  private async api(): Promise<ProviderApi> {
    const { token, apiBaseUrl } = await this.token();
    return {
      provider: 'GitHub',
      baseUrl: apiBaseUrl,
      headers: {
        Accept: 'application/vnd.github+json',
        Authorization: `Bearer ${token}`,
        'X-GitHub-Api-Version': '2022-11-28',
      },
    };
  }

  plannedLocation(name: string, defaultBranch: string) {
    const htmlUrl = `https://${this.options.host}/${this.organization}/${name}`;
    return locationOf(
      htmlUrl,
      `${htmlUrl}.git`,
      `${htmlUrl}/blob/${defaultBranch}`,
    );
  }

  async find(name: string, defaultBranch: string) {
    const { status, body } = await callApi(
      await this.api(),
      'GET',
      `/repos/${this.organization}/${name}`,
      { allow: [404] },
    );
    return status === 404
      ? undefined
      : locationOf(
          body.html_url,
          body.clone_url,
          `${body.html_url}/blob/${defaultBranch}`,
        );
  }

  async create(settings: RepositorySettings) {
    const { body } = await callApi(
      await this.api(),
      'POST',
      `/orgs/${this.organization}/repos`,
      {
        body: {
          name: settings.name,
          description: settings.description,
          visibility: settings.visibility,
          private: settings.visibility !== 'public',
          auto_init: false,
          has_wiki: false,
          delete_branch_on_merge: true,
        },
      },
    );
    return locationOf(
      body.html_url,
      body.clone_url,
      `${body.html_url}/blob/${settings.defaultBranch}`,
    );
  }

  async configure(settings: RepositorySettings) {
    const api = await this.api();
    const repo = `${this.organization}/${settings.name}`;
    await callApi(api, 'PATCH', `/repos/${repo}`, {
      body: {
        description: settings.description,
        visibility: settings.visibility,
      },
    });
    await callApi(api, 'PUT', `/repos/${repo}/topics`, {
      body: { names: settings.topics },
    });
    const access = [
      { team: settings.owner, permission: OWNER_PERMISSION },
      ...settings.teamAccess,
    ];
    for (const { team, permission } of access) {
      await callApi(
        api,
        'PUT',
        `/orgs/${this.organization}/teams/${team}/repos/${repo}`,
        { body: { permission } },
      );
    }
  }

  async protect(settings: RepositorySettings) {
    const { requiredReviews, requireCodeOwnerReviews } =
      settings.branchProtection;
    await callApi(
      await this.api(),
      'PUT',
      `/repos/${this.organization}/${settings.name}/branches/${settings.defaultBranch}/protection`,
      {
        body: {
          required_status_checks: null,
          enforce_admins: true,
          required_pull_request_reviews: {
            required_approving_review_count: requiredReviews,
            require_code_owner_reviews: requireCodeOwnerReviews,
            dismiss_stale_reviews: true,
          },
          restrictions: null,
          allow_force_pushes: false,
          allow_deletions: false,
        },
      },
    );
  }

  async gitAuth() {
    return { username: 'x-access-token', password: (await this.token()).token };
  }
}
