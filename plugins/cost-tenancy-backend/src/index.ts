/**
 * The cost and tenancy backend plugin.
 *
 * @packageDocumentation
 */
export { costTenancyPlugin as default } from './plugin';
