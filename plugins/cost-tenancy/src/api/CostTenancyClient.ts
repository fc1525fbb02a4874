import { CompoundEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { ResponseError } from '@backstage/errors';
import { CostQuery, CostTenancyApi } from './CostTenancyApi';

/** Talks to the cost and tenancy backend with the signed-in user's token. */
export class CostTenancyClient implements CostTenancyApi {
  constructor(
    private readonly options: {
      discoveryApi: DiscoveryApi;
      fetchApi: FetchApi;
    },
  ) {}

  getTeams(query: CostQuery) {
    return this.get('/teams', query);
  }

  getTeamCosts(
    team: CompoundEntityRef,
    query: Parameters<CostTenancyApi['getTeamCosts']>[1],
  ) {
    return this.get(`/teams/${this.path(team)}/costs`, query);
  }

  getTeamTenancy(team: CompoundEntityRef, query: CostQuery) {
    return this.get(`/teams/${this.path(team)}/tenancy`, query);
  }

  getEntityCosts(entity: CompoundEntityRef, query: CostQuery) {
    return this.get(
      `/entities/${encodeURIComponent(
        entity.kind.toLocaleLowerCase('en-US'),
      )}/${this.path(entity)}/costs`,
      query,
    );
  }

  getUnallocated(query: CostQuery) {
    return this.get('/unallocated', query);
  }

  private path(ref: CompoundEntityRef) {
    return `${encodeURIComponent(ref.namespace)}/${encodeURIComponent(
      ref.name,
    )}`;
  }

  /** GETs a path with the query's defined values; API errors become ResponseErrors with the API's message. */
  private async get(path: string, query: Record<string, string | undefined>) {
    const params = new URLSearchParams(
      Object.entries(query).filter(
        (e): e is [string, string] => e[1] !== undefined,
      ),
    );
    const base = await this.options.discoveryApi.getBaseUrl('cost-tenancy');
    const search = params.toString();
    const response = await this.options.fetchApi.fetch(
      `${base}${path}${search ? `?${search}` : ''}`,
    );
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return response.json();
  }
}
