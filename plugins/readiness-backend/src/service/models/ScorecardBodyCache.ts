import type { PreparedJson } from '../PreparedJson';

/**
 * Bytes of prepared scorecards kept by default: compacted (gzip only), a
 * 50 KB scorecard takes about 6 KB, so some 20,000 scorecards.
 */
const DEFAULT_MAX_BYTES = 128 * 1024 * 1024;

interface Entry {
  version: string;
  body: PreparedJson;
  /** Bytes counted for it. */
  bytes: number;
}

/**
 * Prepared scorecard bodies by entity and caller visibility, each with the
 * version of what it was built from (see `ScorecardModel.getScorecardJson`).
 * A body is served only while its version is the current one, so nothing
 * here goes stale: it is replaced at the next request after a change.
 * Keep compacted bodies ({@link PreparedJson.compact}): their size does not
 * change once kept. Least recently used bodies are dropped beyond
 * `maxBytes`.
 *
 * @internal
 */
export class ScorecardBodyCache {
  readonly #entries = new Map<string, Entry>();
  readonly #maxBytes: number;
  #bytes = 0;

  constructor(options: { maxBytes?: number } = {}) {
    this.#maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  }

  /** The body kept for `key` if it was built from `version`. */
  get(key: string, version: string): PreparedJson | undefined {
    const entry = this.#entries.get(key);
    if (!entry || entry.version !== version) {
      return undefined;
    }
    // Most recently used last.
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry.body;
  }

  /** Keeps `body`, built from `version`, for `key`. */
  set(key: string, version: string, body: PreparedJson): void {
    this.delete(key);
    const bytes = body.size;
    if (bytes > this.#maxBytes) {
      return;
    }
    this.#entries.set(key, { version, body, bytes });
    this.#bytes += bytes;
    this.evict();
  }

  /** Bytes counted for the bodies held. */
  get bytes(): number {
    return this.#bytes;
  }

  private delete(key: string): void {
    const entry = this.#entries.get(key);
    if (entry) {
      this.#bytes -= entry.bytes;
      this.#entries.delete(key);
    }
  }

  private evict(): void {
    for (const key of this.#entries.keys()) {
      if (this.#bytes <= this.#maxBytes) {
        return;
      }
      this.delete(key);
    }
  }
}
