/**
 * Options of {@link ScoresVersionWatch}.
 *
 * @internal
 */
export interface ScoresVersionWatchOptions {
  /** Reads the scores version from the database (`store_versions`). */
  read: () => Promise<number>;
  /**
   * A version read is reused for this long; 0 reads it for every caller.
   * Another replica's write shows here at most this much later.
   */
  intervalMs: number;
  now?: () => number;
}

/**
 * The scores version as this process last read it: the `store_versions`
 * counter that every write of score rows, exemptions and removals bumps in
 * the same transaction, on any replica. Caches of what is derived from the
 * stored scores (roll-ups, trends, champions, search pages and counts,
 * export bodies) key their entries by it, so a write by any replica makes
 * them stale everywhere; reading it costs one primary-key lookup, done at
 * most once per `intervalMs` per process, however many requests ask.
 * Writes by this process call {@link ScoresVersionWatch.invalidate}, so
 * they show here at once.
 *
 * @internal
 */
export class ScoresVersionWatch {
  #last?: { at: number; version: Promise<number> };

  constructor(private readonly options: ScoresVersionWatchOptions) {}

  /** The current scores version (read again when the last read is old). */
  current(): Promise<number> {
    const now = (this.options.now ?? Date.now)();
    const last = this.#last;
    if (last && now - last.at < this.options.intervalMs) {
      return last.version;
    }
    const version = this.options.read();
    const entry = { at: now, version };
    this.#last = entry;
    // A failed read is not reused: the next caller reads again.
    version.catch(() => {
      if (this.#last === entry) {
        this.#last = undefined;
      }
    });
    return version;
  }

  /** Forgets the version read: the next caller reads it again. */
  invalidate(): void {
    this.#last = undefined;
  }
}
