import { isRecord } from './isRecord';

describe('isRecord', () => {
  it('accepts plain objects', () => {
    expect(isRecord({})).toBe(true);
    expect(isRecord({ a: 1 })).toBe(true);
  });

  it('rejects null, arrays and primitives', () => {
    for (const value of [null, undefined, [], [1], 'a', 1, true]) {
      expect(isRecord(value)).toBe(false);
    }
  });
});
