import { TtlLruCache } from './TtlLruCache';

describe('TtlLruCache', () => {
  it('expires entries after their own time to live', () => {
    let now = 0;
    const cache = new TtlLruCache<string>({ maxEntries: 10, now: () => now });
    cache.set('short', 'a', 100);
    cache.set('long', 'b', 1000);
    now = 100;
    expect(cache.get('short')).toBeUndefined();
    expect(cache.get('long')).toBe('b');
  });

  it('drops the least recently used entry when full', () => {
    const cache = new TtlLruCache<number>({ maxEntries: 2 });
    cache.set('a', 1, 1000);
    cache.set('b', 2, 1000);
    expect(cache.get('a')).toBe(1); // a is now the most recently used
    cache.set('c', 3, 1000);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
    expect(cache.size).toBe(2);
  });

  it('shares one load between concurrent callers and caches by result', async () => {
    const cache = new TtlLruCache<string>({ maxEntries: 10 });
    let loads = 0;
    let release: (value: string) => void = () => {};
    const load = () => {
      loads += 1;
      return new Promise<string>(resolve => {
        release = resolve;
      });
    };
    const ttlOf = (value: string) => (value === 'keep' ? 1000 : 0);
    const first = cache.getOrLoad('k', load, ttlOf);
    const second = cache.getOrLoad('k', load, ttlOf);
    release('keep');
    await expect(Promise.all([first, second])).resolves.toEqual([
      'keep',
      'keep',
    ]);
    await cache.getOrLoad('k', load, ttlOf);
    expect(loads).toBe(1);
  });

  it('does not cache a load that throws', async () => {
    const cache = new TtlLruCache<string>({ maxEntries: 10 });
    const failing = jest.fn(async () => {
      throw new Error('boom');
    });
    await expect(cache.getOrLoad('k', failing, () => 1000)).rejects.toThrow(
      'boom',
    );
    await expect(
      cache.getOrLoad(
        'k',
        async () => 'ok',
        () => 1000,
      ),
    ).resolves.toBe('ok');
  });
});
