import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { CostStore } from '../store/CostStore';

/** SQLite and, where its connection string is set, PostgreSQL 15. */
export const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_15'],
});

/** A migrated store on a fresh database of the given kind. */
export async function createTestStore(id: TestDatabaseId) {
  const knex = await databases.init(id);
  return CostStore.create({
    database: { getClient: async () => knex, migrations: { skip: false } },
  });
}
