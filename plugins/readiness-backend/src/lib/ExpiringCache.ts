/**
 * A small in-memory cache of promised values that expire after a time to
 * live. Concurrent callers of a missing key share one computation; a failed
 * computation is not cached. Bounded: the oldest entries are dropped first.
 *
 * @internal
 */
export class ExpiringCache<T> {
  readonly #entries = new Map<
    string,
    { expiresAt: number; value: Promise<T> }
  >();

  constructor(
    private readonly options: {
      ttlMs: number;
      maxEntries?: number;
      now?: () => number;
    },
  ) {}

  /** The cached value of `key`, or the result of `compute` (then cached). */
  get(key: string, compute: () => Promise<T>): Promise<T> {
    const now = (this.options.now ?? Date.now)();
    const hit = this.#entries.get(key);
    if (hit && hit.expiresAt > now) {
      return hit.value;
    }
    const value = compute();
    this.#entries.delete(key);
    this.#entries.set(key, { expiresAt: now + this.options.ttlMs, value });
    value.catch(() => {
      if (this.#entries.get(key)?.value === value) {
        this.#entries.delete(key);
      }
    });
    const max = this.options.maxEntries ?? 1000;
    while (this.#entries.size > max) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest);
    }
    return value;
  }

  /** Forgets every entry (after a write that changes what was cached). */
  clear(): void {
    this.#entries.clear();
  }
}
