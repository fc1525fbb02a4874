import { readdirSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import request from 'supertest';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleTemplateKind from '@backstage/plugin-catalog-backend-module-scaffolder-entity-model';

const repoRoot = resolvePath(__dirname, '../../..');

// The catalog locations of app-config.yaml, as absolute paths.
const locations = [
  'catalog-info.yaml',
  'examples/org.yaml',
  'examples/entities.yaml',
  'templates/*/template.yaml',
].map(target => ({ type: 'file', target: resolvePath(repoRoot, target) }));

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

async function loadDemoCatalog(databaseId: TestDatabaseId) {
  const knex = await databases.init(databaseId);
  const backend = await startTestBackend({
    features: [
      catalogPlugin,
      catalogModuleTemplateKind,
      mockServices.database.factory({ knex }),
      mockServices.rootConfig.factory({
        data: {
          catalog: {
            rules: [
              {
                allow: [
                  'Component',
                  'System',
                  'API',
                  'Resource',
                  'Location',
                  'Group',
                  'User',
                  'Template',
                ],
              },
            ],
            locations,
          },
        },
      }),
    ],
  });

  const fetchEntities = async (filter: string): Promise<Entity[]> => {
    const response = await request(backend.server)
      .get('/api/catalog/entities/by-query')
      .query({ filter, limit: 500 })
      .set('Authorization', mockCredentials.user.header());
    expect(response.status).toBe(200);
    return response.body.items;
  };

  // The catalog processes locations in the background: wait until the whole
  // organisation has arrived, with its relations stitched.
  const deadline = Date.now() + 90_000;
  for (;;) {
    const users = await fetchEntities('kind=user');
    const components = await fetchEntities('kind=component');
    const templates = await fetchEntities('kind=template');
    const stitched = users.every(user =>
      user.relations?.some(relation => relation.type === 'memberOf'),
    );
    if (
      (users.length >= 12 &&
        components.length >= 17 &&
        templates.length >=
          readdirSync(resolvePath(repoRoot, 'templates')).length &&
        stitched) ||
      Date.now() > deadline
    ) {
      break;
    }
    await new Promise(resolve => setTimeout(resolve, 500));
  }
  return { fetchEntities, stop: () => backend.stop() };
}

describe.each(databases.eachSupportedId())(
  'the demo organisation in the catalog on %s',
  databaseId => {
    let catalog: Awaited<ReturnType<typeof loadDemoCatalog>>;

    beforeAll(async () => {
      catalog = await loadDemoCatalog(databaseId);
    }, 120_000);

    afterAll(async () => {
      await catalog?.stop();
    });

    it('has an engineering department with at least five teams, and finance', async () => {
      const groups = await catalog.fetchEntities('kind=group');
      const byName = new Map(groups.map(group => [group.metadata.name, group]));

      const teams = groups.filter(
        group =>
          group.spec?.type === 'team' && group.spec?.parent === 'engineering',
      );
      expect(teams.map(team => team.metadata.name).sort()).toEqual([
        'checkout',
        'data',
        'payments',
        'platform',
        'search',
      ]);
      expect(byName.get('finance')?.spec?.parent).toBe('acme');
      expect(byName.get('engineering')?.spec?.parent).toBe('acme');
      expect(byName.get('acme')?.spec?.type).toBe('organization');
    });

    it('has a manager who belongs to engineering only', async () => {
      const [manager] = await catalog.fetchEntities(
        'kind=user,metadata.name=maria.garcia',
      );

      expect(
        manager.relations
          ?.filter(relation => relation.type === 'memberOf')
          .map(relation => relation.targetRef),
      ).toEqual(['group:default/engineering']);
    });

    it('gives every team members and every component an existing owning team', async () => {
      const groups = await catalog.fetchEntities('kind=group,spec.type=team');
      const users = await catalog.fetchEntities('kind=user');
      const components = await catalog.fetchEntities('kind=component');
      const groupRefs = new Set(
        groups.map(group => `group:default/${group.metadata.name}`),
      );

      for (const group of groups) {
        const members = users.filter(user =>
          user.relations?.some(
            relation =>
              relation.type === 'memberOf' &&
              relation.targetRef === `group:default/${group.metadata.name}`,
          ),
        );
        expect({
          team: group.metadata.name,
          hasMembers: members.length > 0,
        }).toEqual({
          team: group.metadata.name,
          hasMembers: true,
        });
      }

      expect(components.length).toBeGreaterThanOrEqual(15);
      for (const component of components) {
        const owners = component.relations
          ?.filter(relation => relation.type === 'ownedBy')
          .map(relation => relation.targetRef);
        expect({ component: component.metadata.name, owners }).toEqual({
          component: component.metadata.name,
          owners: [expect.stringMatching(/^group:default\//)],
        });
        expect(groupRefs.has(owners![0])).toBe(true);
      }
    });

    it('has docs and Kubernetes workloads on the demo components', async () => {
      const components = await catalog.fetchEntities('kind=component');
      const annotated = (annotation: string) =>
        components.filter(c => c.metadata.annotations?.[annotation]);

      expect(
        annotated('backstage.io/techdocs-ref').length,
      ).toBeGreaterThanOrEqual(3);
      expect(
        annotated('backstage.io/kubernetes-id').length,
      ).toBeGreaterThanOrEqual(5);
    });

    it('lists every template in templates/', async () => {
      const templates = await catalog.fetchEntities('kind=template');

      expect(templates.map(t => t.metadata.name).sort()).toEqual(
        readdirSync(resolvePath(repoRoot, 'templates')).sort(),
      );
    });
  },
);
