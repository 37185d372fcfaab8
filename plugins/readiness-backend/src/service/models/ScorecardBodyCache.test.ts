import { PreparedJson } from '../PreparedJson';
import { ScorecardBodyCache } from './ScorecardBodyCache';

const body = (size: number) => PreparedJson.of({ text: 'x'.repeat(size) });

describe('ScorecardBodyCache', () => {
  it('serves a body only for the version it was built from', () => {
    const cache = new ScorecardBodyCache();
    const kept = body(10);
    cache.set('a', 'v1', kept);
    expect(cache.get('a', 'v1')).toBe(kept);
    expect(cache.get('a', 'v2')).toBeUndefined();
    expect(cache.get('b', 'v1')).toBeUndefined();
    const newer = body(11);
    cache.set('a', 'v2', newer);
    expect(cache.get('a', 'v1')).toBeUndefined();
    expect(cache.get('a', 'v2')).toBe(newer);
  });

  it('drops the least recently used bodies beyond its byte bound', () => {
    const cache = new ScorecardBodyCache({ maxBytes: 3000 });
    cache.set('a', 'v', body(1000));
    cache.set('b', 'v', body(1000));
    expect(cache.get('a', 'v')).toBeDefined();
    cache.set('c', 'v', body(1000));
    expect(cache.get('b', 'v')).toBeUndefined();
    expect(cache.get('a', 'v')).toBeDefined();
    expect(cache.get('c', 'v')).toBeDefined();
    expect(cache.bytes).toBeLessThanOrEqual(3000);
    cache.set('huge', 'v', body(5000));
    expect(cache.get('huge', 'v')).toBeUndefined();
  });
});
