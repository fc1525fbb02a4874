export { TeamCostTab } from './TeamCostTab';
