export { TeamTenancyTab } from './TeamTenancyTab';
