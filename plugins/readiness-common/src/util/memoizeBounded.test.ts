import { memoizeBounded } from './memoizeBounded';

describe('memoizeBounded', () => {
  it('computes each short key once', () => {
    const compute = jest.fn((key: string) => key.toUpperCase());
    const upper = memoizeBounded(compute, { maxEntries: 10, maxKeyLength: 5 });
    expect(upper('ab')).toBe('AB');
    expect(upper('ab')).toBe('AB');
    expect(upper('cd')).toBe('CD');
    expect(compute).toHaveBeenCalledTimes(2);
  });

  it('remembers null answers', () => {
    const compute = jest.fn((): string | null => null);
    const find = memoizeBounded(compute, { maxEntries: 10, maxKeyLength: 5 });
    expect(find('x')).toBeNull();
    expect(find('x')).toBeNull();
    expect(compute).toHaveBeenCalledTimes(1);
  });

  it('never holds keys longer than maxKeyLength', () => {
    const compute = jest.fn((key: string) => key.length);
    const length = memoizeBounded(compute, { maxEntries: 10, maxKeyLength: 3 });
    expect(length('abcd')).toBe(4);
    expect(length('abcd')).toBe(4);
    expect(compute).toHaveBeenCalledTimes(2);
  });

  it('starts afresh when full, so it never holds more than maxEntries', () => {
    const compute = jest.fn((key: string) => key);
    const same = memoizeBounded(compute, { maxEntries: 2, maxKeyLength: 5 });
    same('a');
    same('b');
    same('c'); // clears a and b
    same('c');
    expect(compute).toHaveBeenCalledTimes(3);
    same('a');
    expect(compute).toHaveBeenCalledTimes(4);
  });
});
