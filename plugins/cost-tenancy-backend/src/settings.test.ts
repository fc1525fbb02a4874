import { ConfigReader } from '@backstage/config';
import { readSettings } from './settings';

describe('readSettings', () => {
  it('has the documented defaults', () => {
    const settings = readSettings(new ConfigReader({}));
    expect(settings).toMatchObject({
      baseCurrency: 'USD',
      namespaceTeamLabels: ['team', 'tenant'],
      weights: { cpu: 0.5, memory: 0.5 },
      financeGroups: ['group:default/finance'],
      maxFileBytes: 2048 * 1024 * 1024,
      readLiveClusters: true,
      budgets: {},
    });
    expect(settings.tagKeys.team).toEqual(['team', 'owner']);
  });

  it('reads budgets by group ref or name', () => {
    const settings = readSettings(
      new ConfigReader({
        costTenancy: {
          budgets: [
            { group: 'payments', monthly: '2600 USD' },
            { group: 'group:finance/controlling', monthly: 900 },
          ],
        },
      }),
    );
    expect(settings.budgets).toEqual({
      'group:default/payments': '2600 USD',
      'group:finance/controlling': '900',
    });
  });

  it('names the setting and the rule when a budget is no amount', () => {
    expect(() =>
      readSettings(
        new ConfigReader({
          costTenancy: { budgets: [{ group: 'payments', monthly: 'lots' }] },
        }),
      ),
    ).toThrow(
      `costTenancy.budgets[0].monthly: must be an amount with an optional ISO 4217 currency, such as 2600 or '2600 USD'; got "lots"`,
    );
  });
});
