import { periodRange } from './period';

describe('periodRange', () => {
  it.each([
    ['last30', { from: '2026-10-26', to: '2026-11-24' }],
    ['last90', { from: '2026-08-27', to: '2026-11-24' }],
    ['thisMonth', { from: '2026-11-01', to: '2026-11-24' }],
    ['lastMonth', { from: '2026-10-01', to: '2026-10-31' }],
    ['thisQuarter', { from: '2026-10-01', to: '2026-11-24' }],
  ] as const)('counts %s back from the last complete day', (preset, range) => {
    expect(periodRange({ preset }, '2026-11-24')).toEqual(range);
  });

  it('takes a custom period as given, and last month across a year', () => {
    expect(
      periodRange(
        { preset: 'custom', from: '2026-01-05', to: '2026-02-01' },
        '2026-11-24',
      ),
    ).toEqual({ from: '2026-01-05', to: '2026-02-01' });
    expect(periodRange({ preset: 'lastMonth' }, '2026-01-10')).toEqual({
      from: '2025-12-01',
      to: '2025-12-31',
    });
  });
});
