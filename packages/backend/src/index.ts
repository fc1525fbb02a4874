import { createBackend } from '@backstage/backend-defaults';
import { localRepositoryUrlReader } from '@internal/plugin-scaffolder-backend-module-platform';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));
backend.add(import('@backstage/plugin-proxy-backend'));

// Sign-in: guest for local development, OIDC in production
// (app-config.production.yaml configures only OIDC).
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
backend.add(import('@backstage/plugin-auth-backend-module-oidc-provider'));

backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));

backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(import('@backstage/plugin-scaffolder-backend-module-github'));
backend.add(
  import('@backstage/plugin-scaffolder-backend-module-notifications'),
);
// The platform's own actions (platform:repo:create, platform:terraform:module,
// platform:kubernetes:namespace), and reading the local provider's repositories.
backend.add(import('@internal/plugin-scaffolder-backend-module-platform'));
backend.add(localRepositoryUrlReader);

backend.add(import('@backstage/plugin-techdocs-backend'));

backend.add(import('@backstage/plugin-permission-backend'));
backend.add(
  import('@backstage/plugin-permission-backend-module-allow-all-policy'),
);

// Search: the PostgreSQL engine registers itself only on PostgreSQL; on
// SQLite the search backend falls back to its built-in Lunr engine.
backend.add(import('@backstage/plugin-search-backend'));
backend.add(import('@backstage/plugin-search-backend-module-pg'));
backend.add(import('@backstage/plugin-search-backend-module-catalog'));
backend.add(import('@backstage/plugin-search-backend-module-techdocs'));

backend.add(import('@backstage/plugin-kubernetes-backend'));

// Per-team cost and tenancy: FOCUS billing exports and cluster data,
// allocated to the catalog's teams, at /api/cost-tenancy.
backend.add(import('@internal/plugin-cost-tenancy-backend'));

backend.add(import('@backstage/plugin-events-backend'));
backend.add(import('@backstage/plugin-user-settings-backend'));
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));
backend.add(import('@backstage/plugin-mcp-actions-backend'));

backend.start();
