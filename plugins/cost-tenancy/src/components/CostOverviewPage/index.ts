export { CostOverviewPage } from './CostOverviewPage';
