/**
 * A bounded in-memory cache: entries expire after their own time to live,
 * and the least recently used entry is dropped when the cache is full.
 * Concurrent loads of the same key share one promise.
 *
 * @internal
 */
export class TtlLruCache<T> {
  readonly #entries = new Map<string, { value: T; expiresAt: number }>();
  readonly #loading = new Map<string, Promise<T>>();
  readonly #maxEntries: number;
  readonly #now: () => number;

  constructor(options: { maxEntries: number; now?: () => number }) {
    this.#maxEntries = Math.max(1, options.maxEntries);
    this.#now = options.now ?? Date.now;
  }

  /** Number of live and expired entries held. */
  get size(): number {
    return this.#entries.size;
  }

  get(key: string): T | undefined {
    const entry = this.#entries.get(key);
    if (!entry) {
      return undefined;
    }
    if (entry.expiresAt <= this.#now()) {
      this.#entries.delete(key);
      return undefined;
    }
    // Move to the most recently used end.
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry.value;
  }

  set(key: string, value: T, ttlMs: number): void {
    this.#entries.delete(key);
    this.#entries.set(key, { value, expiresAt: this.#now() + ttlMs });
    while (this.#entries.size > this.#maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) {
        break;
      }
      this.#entries.delete(oldest);
    }
  }

  /**
   * Returns the cached value, or loads it once for all concurrent callers
   * and caches it for the time `ttlOf` gives for the loaded value.
   */
  async getOrLoad(
    key: string,
    load: () => Promise<T>,
    ttlOf: (value: T) => number,
  ): Promise<T> {
    const cached = this.get(key);
    if (cached !== undefined) {
      return cached;
    }
    const pending = this.#loading.get(key);
    if (pending) {
      return pending;
    }
    const promise = (async () => {
      try {
        const value = await load();
        this.set(key, value, ttlOf(value));
        return value;
      } finally {
        this.#loading.delete(key);
      }
    })();
    this.#loading.set(key, promise);
    return promise;
  }

  clear(): void {
    this.#entries.clear();
  }
}
