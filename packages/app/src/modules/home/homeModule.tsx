import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { HomePageWidgetBlueprint } from '@backstage/plugin-home-react/alpha';
import { MarkdownContent } from '@backstage/core-components';

const content = `
## Welcome to the Platform Portal

- **Find a service**: the [catalog](/catalog) lists every service, API and
  resource, with its owning team.
- **Create a service**: the [templates](/create) give you a repository,
  infrastructure and namespaces in one go.
- **Read the docs**: [TechDocs](/docs) hosts every team's documentation,
  starting with the [portal guide](/docs/default/component/platform-portal).
- **See what runs where**: a component's *Kubernetes* tab shows its
  workloads in each cluster.
`;

const gettingStartedWidget = HomePageWidgetBlueprint.make({
  name: 'getting-started',
  params: {
    name: 'GettingStarted',
    title: 'Getting Started',
    description: 'Where to start in the Platform Portal',
    components: async () => ({
      Content: () => <MarkdownContent content={content} />,
    }),
  },
});

export const homeModule = createFrontendModule({
  pluginId: 'home',
  extensions: [gettingStartedWidget],
});
