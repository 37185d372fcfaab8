/**
 * Options of {@link memoizeBounded}.
 *
 * @internal
 */
export interface MemoizeBoundedOptions {
  /** How many answers are held before the memo starts afresh. */
  maxEntries: number;
  /** Keys longer than this are computed every time, never held. */
  maxKeyLength: number;
}

/**
 * A function of one string whose answers are remembered in a bounded memo,
 * for the values that recur across entities (link types and titles, keys,
 * tags, reasons). Keys longer than `maxKeyLength` are not held; when
 * `maxEntries` answers are held the memo is cleared and starts afresh
 * (cheaper than an LRU, and what recurs comes back at once), so memory stays
 * bounded however many distinct values a catalog has. `compute` must be
 * pure and never answer `undefined`.
 *
 * @internal
 */
export function memoizeBounded<T extends NonNullable<unknown> | null>(
  compute: (key: string) => T,
  options: MemoizeBoundedOptions,
): (key: string) => T {
  const { maxEntries, maxKeyLength } = options;
  const memo = new Map<string, T>();
  return key => {
    if (key.length > maxKeyLength) {
      return compute(key);
    }
    let result = memo.get(key);
    if (result === undefined) {
      result = compute(key);
      if (memo.size >= maxEntries) {
        memo.clear();
      }
      memo.set(key, result);
    }
    return result;
  };
}
