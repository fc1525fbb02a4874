import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import MoneyIcon from '@material-ui/icons/AttachMoney';
import { costTenancyApiRef } from './api/CostTenancyApi';
import { CostTenancyClient } from './api/CostTenancyClient';
import { rootRouteRef } from './routes';

const costTenancyApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: costTenancyApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new CostTenancyClient(deps),
    }),
});

/** /cost, in the sidebar. */
const costOverviewPage = PageBlueprint.make({
  params: {
    path: '/cost',
    routeRef: rootRouteRef,
    title: 'Cost',
    icon: <MoneyIcon fontSize="inherit" />,
    loader: () =>
      import('./components/CostOverviewPage').then(m => <m.CostOverviewPage />),
  },
});

const teamCostTab = EntityContentBlueprint.make({
  name: 'team-cost',
  params: {
    path: '/cost',
    title: 'Cost',
    filter: 'kind:group',
    loader: () =>
      import('./components/TeamCostTab').then(m => <m.TeamCostTab />),
  },
});

const teamTenancyTab = EntityContentBlueprint.make({
  name: 'team-tenancy',
  params: {
    path: '/tenancy',
    title: 'Tenancy',
    filter: 'kind:group',
    loader: () =>
      import('./components/TeamTenancyTab').then(m => <m.TeamTenancyTab />),
  },
});

const componentCostCard = EntityCardBlueprint.make({
  name: 'component-cost',
  params: {
    type: 'info',
    filter: 'kind:component',
    loader: () =>
      import('./components/ComponentCostCard').then(m => (
        <m.ComponentCostCard />
      )),
  },
});

/** Cost and tenancy pages for managers and team leads. */
export default createFrontendPlugin({
  pluginId: 'cost-tenancy',
  title: 'Cost',
  icon: <MoneyIcon fontSize="inherit" />,
  extensions: [
    costTenancyApi,
    costOverviewPage,
    teamCostTab,
    teamTenancyTab,
    componentCostCard,
  ],
  routes: { root: rootRouteRef },
});
