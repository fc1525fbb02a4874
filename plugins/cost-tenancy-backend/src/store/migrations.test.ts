import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { databases } from '../__testUtils__/costStore';

jest.setTimeout(60_000);

const directory = resolvePackagePath(
  '@internal/plugin-cost-tenancy-backend',
  'migrations',
);

describe.each(databases.eachSupportedId())('migrations on %s', databaseId => {
  it('add account names to a store that already holds costs, which stay as they were, and go back down', async () => {
    const knex = await databases.init(databaseId);
    await knex.migrate.up({ directory, name: '20261126090000_init.js' });
    const stored = {
      source: 'aws',
      file: 'export.csv',
      billing_period: '2026-10',
      day: '2026-10-01',
      provider: 'AWS',
      service: 'Amazon EC2',
      category: 'Compute',
      charge_category: 'Usage',
      account: '222222222222',
      region: 'eu-west-1',
      currency: 'USD',
      team_tag: 'payments',
      environment: null,
      service_tag: null,
      cluster: null,
      resource_id: null,
      resource_name: null,
      effective_cost: 12.5,
      billed_cost: 13.75,
      list_cost: 15,
      row_count: 3,
    };
    await knex('cost_tenancy_daily_costs').insert(stored);

    await knex.migrate.latest({ directory });
    const [after] = await knex('cost_tenancy_daily_costs').select();
    expect(after).toEqual({ ...stored, account_name: null });

    await knex.migrate.down({ directory });
    const [back] = await knex('cost_tenancy_daily_costs').select();
    expect(back).toEqual(stored);
  });
});
