import { LoggerService } from '@backstage/backend-plugin-api';
import { ScmIntegrationRegistry } from '@backstage/integration';
import { callApi, ProviderApi } from './providerApi';
import {
  locationOf,
  RepositoryHost,
  RepositorySettings,
} from './RepositoryHost';

/** GitLab access levels for the action's permissions (Reporter, Developer, Maintainer). */
const ACCESS_LEVEL: Record<string, number> = {
  pull: 20,
  triage: 20,
  push: 30,
  maintain: 40,
  admin: 40,
};
const MAINTAINER = 40;
const DEVELOPER = 30;
const APPROVAL_RULE = 'Default branch review';

/**
 * Projects in a GitLab group, through the API v4 with the token of
 * Backstage's `integrations.gitlab` entry for the host. Teams are subgroups
 * of the group (`<group>/<team>`), shared into the project.
 */
export class GitlabRepositoryHost implements RepositoryHost {
  constructor(
    private readonly options: {
      integrations: ScmIntegrationRegistry;
      host: string;
      group: string;
    },
  ) {}

  private integration() {
    const { host } = this.options;
    const integration = this.options.integrations.gitlab.byHost(host);
    if (!integration) {
      throw new Error(
        `provider: no integrations.gitlab entry for ${host}; add one with a token`,
      );
    }
    if (!integration.config.token) {
      throw new Error(
        `provider: the integrations.gitlab entry for ${host} has no token`,
      );
    }
    return { ...integration.config, token: integration.config.token };
  }

  private api(): ProviderApi {
    const { apiBaseUrl, token } = this.integration();
    return {
      provider: 'GitLab',
      baseUrl: apiBaseUrl,
      headers: { Accept: 'application/json', 'PRIVATE-TOKEN': token },
    };
  }

  private project(name: string) {
    return `/projects/${encodeURIComponent(`${this.options.group}/${name}`)}`;
  }

  plannedLocation(name: string, defaultBranch: string) {
    const baseUrl =
      this.options.integrations.gitlab.byHost(this.options.host)?.config
        .baseUrl ?? `https://${this.options.host}`;
    const webUrl = `${baseUrl}/${this.options.group}/${name}`;
    return locationOf(
      webUrl,
      `${webUrl}.git`,
      `${webUrl}/-/blob/${defaultBranch}`,
    );
  }

  async find(name: string, defaultBranch: string) {
    const { status, body } = await callApi(
      this.api(),
      'GET',
      this.project(name),
      { allow: [404] },
    );
    return status === 404
      ? undefined
      : locationOf(
          body.web_url,
          body.http_url_to_repo,
          `${body.web_url}/-/blob/${defaultBranch}`,
        );
  }

  private async groupId(api: ProviderApi, path: string, field: string) {
    const { status, body } = await callApi(
      api,
      'GET',
      `/groups/${encodeURIComponent(path)}`,
      { allow: [404] },
    );
    if (status === 404) {
      throw new Error(`${field}: GitLab group ${path} does not exist`);
    }
    return body.id as number;
  }

  async create(settings: RepositorySettings) {
    const api = this.api();
    const namespaceId = await this.groupId(api, this.options.group, 'provider');
    const { body } = await callApi(api, 'POST', '/projects', {
      body: {
        name: settings.name,
        path: settings.name,
        namespace_id: namespaceId,
        description: settings.description,
        visibility: settings.visibility,
        default_branch: settings.defaultBranch,
        initialize_with_readme: false,
      },
    });
    return locationOf(
      body.web_url,
      body.http_url_to_repo,
      `${body.web_url}/-/blob/${settings.defaultBranch}`,
    );
  }

  async configure(settings: RepositorySettings) {
    const api = this.api();
    const project = this.project(settings.name);
    await callApi(api, 'PUT', project, {
      body: {
        description: settings.description,
        visibility: settings.visibility,
        topics: settings.topics,
      },
    });
    const access = [
      { team: settings.owner, permission: 'maintain', field: 'owner' },
      ...settings.teamAccess.map((entry, index) => ({
        ...entry,
        field: `teamAccess.${index}.team`,
      })),
    ];
    for (const { team, permission, field } of access) {
      const groupId = await this.groupId(
        api,
        `${this.options.group}/${team}`,
        field,
      );
      const share = {
        body: { group_id: groupId, group_access: ACCESS_LEVEL[permission] },
        allow: [409],
      };
      const { status } = await callApi(api, 'POST', `${project}/share`, share);
      if (status === 409) {
        // Shared before, perhaps with another access level: share anew.
        await callApi(api, 'DELETE', `${project}/share/${groupId}`);
        await callApi(api, 'POST', `${project}/share`, share);
      }
    }
  }

  async protect(settings: RepositorySettings, logger: LoggerService) {
    const api = this.api();
    const project = this.project(settings.name);
    const branch = encodeURIComponent(settings.defaultBranch);
    const { requiredReviews, requireCodeOwnerReviews } =
      settings.branchProtection;
    const { status } = await callApi(
      api,
      'POST',
      `${project}/protected_branches`,
      {
        body: {
          name: settings.defaultBranch,
          push_access_level: MAINTAINER,
          merge_access_level: DEVELOPER,
          allow_force_push: false,
          code_owner_approval_required: requireCodeOwnerReviews,
        },
        allow: [409],
      },
    );
    if (status === 409) {
      // GitLab protects the default branch on the first push by default.
      await callApi(api, 'PATCH', `${project}/protected_branches/${branch}`, {
        body: {
          allow_force_push: false,
          code_owner_approval_required: requireCodeOwnerReviews,
        },
      });
    }
    await this.requireApprovals(api, project, requiredReviews, logger);
  }

  /** Approval rules are a GitLab Premium feature; without it, say so and go on. */
  private async requireApprovals(
    api: ProviderApi,
    project: string,
    approvals: number,
    logger: LoggerService,
  ) {
    const rules = await callApi(api, 'GET', `${project}/approval_rules`, {
      allow: [403, 404],
    });
    if (rules.status !== 200) {
      logger.warn(
        `GitLab refused approval rules (${rules.status}; a Premium feature): ${approvals} required review(s) were not set`,
      );
      return;
    }
    const rule = (rules.body as any[]).find(r => r.name === APPROVAL_RULE);
    const body = { name: APPROVAL_RULE, approvals_required: approvals };
    if (rule) {
      await callApi(api, 'PUT', `${project}/approval_rules/${rule.id}`, {
        body,
      });
    } else {
      await callApi(api, 'POST', `${project}/approval_rules`, { body });
    }
  }

  async gitAuth() {
    return { username: 'oauth2', password: this.integration().token };
  }
}
