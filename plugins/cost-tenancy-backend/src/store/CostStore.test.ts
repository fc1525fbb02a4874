import { dailyCost } from '../__testUtils__/dailyCost';
import { createTestStore, databases } from '../__testUtils__/costStore';

jest.setTimeout(60_000);

const cost = dailyCost;

describe.each(databases.eachSupportedId())('CostStore on %s', databaseId => {
  it('stores daily costs exactly as summed, thousands at a time: amounts to the last bit, nulls, quotes and non-ASCII text', async () => {
    const store = await createTestStore(databaseId);
    const tricky = [
      cost({
        service: 'Service "quoted", with \\ backslash',
        effectiveCost: 0.1 + 0.2,
        billedCost: -1234.5678901234567,
        listCost: 1e-12,
      }),
      cost({
        day: '2026-10-02',
        account: 'Zürich 東京 ✓',
        teamTag: null,
        environment: null,
        resourceId: 'arn:aws:ec2:eu-west-1:1:instance/i-1',
        resourceName: "it's untagged",
        effectiveCost: 123456789.12345679,
        rowCount: 2_147_483_647,
      }),
    ];
    // More rows than one PostgreSQL insert takes.
    const many = Array.from({ length: 12_000 }, (_, i) =>
      cost({ service: `service ${i}`, effectiveCost: i / 7 }),
    );
    await store.replaceFile({
      source: 'aws',
      file: 'export.csv',
      fingerprint: 'f',
      rows: 12_002,
      costs: [...tricky, ...many],
    });

    const stored = await store.dailyCosts({
      from: '2026-10-01',
      to: '2026-10-02',
    });
    expect(stored).toHaveLength(12_002);
    const byService = new Map(stored.map(c => [`${c.day} ${c.service}`, c]));
    for (const expected of [...tricky, ...many]) {
      expect(byService.get(`${expected.day} ${expected.service}`)).toEqual(
        expected,
      );
    }
  });
});
