/**
 * Cost and tenancy pages: the /cost overview, a group's Cost and Tenancy
 * tabs and a component's cost card.
 *
 * @packageDocumentation
 */
export { default } from './plugin';
export { costTenancyApiRef } from './api/CostTenancyApi';
export type { CostTenancyApi, CostQuery } from './api/CostTenancyApi';
