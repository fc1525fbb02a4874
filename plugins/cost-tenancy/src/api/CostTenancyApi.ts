import { CompoundEntityRef } from '@backstage/catalog-model';
import { createApiRef } from '@backstage/frontend-plugin-api';
import {
  BreakdownDimension,
  CostMeasure,
  EntityCostResponse,
  Granularity,
  TeamCostResponse,
  TeamsResponse,
  TeamTenancyResponse,
  UnallocatedResponse,
} from '@internal/plugin-cost-tenancy-common';

/** The period and units of a cost request; the API's defaults where absent. */
export type CostQuery = {
  from?: string;
  to?: string;
  currency?: string;
  measure?: CostMeasure;
};

/** The cost and tenancy backend at /api/cost-tenancy. */
export interface CostTenancyApi {
  getTeams(query: CostQuery): Promise<TeamsResponse>;
  getTeamCosts(
    team: CompoundEntityRef,
    query: CostQuery & {
      granularity?: Granularity;
      groupBy?: BreakdownDimension;
    },
  ): Promise<TeamCostResponse>;
  getTeamTenancy(
    team: CompoundEntityRef,
    query: CostQuery,
  ): Promise<TeamTenancyResponse>;
  getEntityCosts(
    entity: CompoundEntityRef,
    query: CostQuery,
  ): Promise<EntityCostResponse>;
  getUnallocated(query: CostQuery): Promise<UnallocatedResponse>;
}

export const costTenancyApiRef = createApiRef<CostTenancyApi>({
  id: 'plugin.cost-tenancy.api',
});
