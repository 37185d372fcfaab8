import { ExpiringCache } from './ExpiringCache';

describe('ExpiringCache', () => {
  it('reuses a value until it expires, sharing concurrent computations', async () => {
    let now = 0;
    const cache = new ExpiringCache<number>({ ttlMs: 100, now: () => now });
    const compute = jest.fn(async () => now);
    const [a, b] = await Promise.all([
      cache.get('k', compute),
      cache.get('k', compute),
    ]);
    expect([a, b]).toEqual([0, 0]);
    expect(compute).toHaveBeenCalledTimes(1);
    now = 99;
    expect(await cache.get('k', compute)).toBe(0);
    now = 100;
    expect(await cache.get('k', compute)).toBe(100);
    expect(compute).toHaveBeenCalledTimes(2);
  });

  it('does not keep failures, drops the oldest entries and can be cleared', async () => {
    const cache = new ExpiringCache<string>({ ttlMs: 1000, maxEntries: 2 });
    await expect(
      cache.get('bad', async () => Promise.reject(new Error('no'))),
    ).rejects.toThrow();
    expect(await cache.get('bad', async () => 'ok')).toBe('ok');
    await cache.get('b', async () => 'b');
    await cache.get('c', async () => 'c');
    expect(await cache.get('bad', async () => 'recomputed')).toBe('recomputed');
    cache.clear();
    expect(await cache.get('c', async () => 'fresh')).toBe('fresh');
  });
});
