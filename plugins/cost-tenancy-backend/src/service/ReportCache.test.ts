import { ReportCache } from './ReportCache';

describe('ReportCache', () => {
  it('computes once for concurrent and later askers of the same answer', async () => {
    const cache = new ReportCache(() => 1);
    const compute = jest.fn().mockResolvedValue(42);

    const answers = await Promise.all([
      cache.get('k', compute),
      cache.get('k', compute),
    ]);
    await cache.get('k', compute);

    expect(answers).toEqual([42, 42]);
    expect(compute).toHaveBeenCalledTimes(1);
  });

  it('computes again after new data or for other teams', async () => {
    let version = 1;
    const cache = new ReportCache(() => version);
    const compute = jest.fn().mockResolvedValue(42);
    const teams = {};

    await cache.get('k', compute, teams);
    version = 2;
    await cache.get('k', compute, teams);
    await cache.get('k', compute, {});

    expect(compute).toHaveBeenCalledTimes(3);
  });

  it('does not keep a failure', async () => {
    const cache = new ReportCache(() => 1);
    const compute = jest
      .fn()
      .mockRejectedValueOnce(new Error('database gone'))
      .mockResolvedValue(42);

    await expect(cache.get('k', compute)).rejects.toThrow('database gone');
    await expect(cache.get('k', compute)).resolves.toBe(42);
  });
});
