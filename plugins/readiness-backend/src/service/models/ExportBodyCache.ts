interface Entry {
  version: number;
  chunks: Buffer[];
  bytes: number;
}

/**
 * Keeps the bytes of recent export bodies, each with the store version it
 * was produced at, so repeated exports of unchanged scores are sent without
 * reading and formatting every row again. A body is streamed as it is
 * produced and kept only once complete and if it fits; the least recently
 * used bodies go first when the cache is over `maxBytes`.
 *
 * @internal
 */
export class ExportBodyCache {
  readonly #entries = new Map<string, Entry>();
  #bytes = 0;

  constructor(private readonly maxBytes: number) {}

  /** Bytes kept now. */
  get bytes(): number {
    return this.#bytes;
  }

  /**
   * The body of `key` at `version`: the kept one when its version matches,
   * otherwise `produce()`'s chunks, passed on as they come and kept when the
   * body completes.
   */
  async *body(
    key: string,
    version: number,
    produce: () => AsyncIterable<string>,
  ): AsyncGenerator<Buffer> {
    const kept = this.#entries.get(key);
    if (kept && kept.version === version) {
      // Most recently used last.
      this.#entries.delete(key);
      this.#entries.set(key, kept);
      yield* kept.chunks;
      return;
    }
    const chunks: Buffer[] = [];
    let bytes = 0;
    let keep = true;
    for await (const text of produce()) {
      const chunk = Buffer.from(text, 'utf8');
      if (keep) {
        chunks.push(chunk);
        bytes += chunk.length;
        if (bytes > this.maxBytes) {
          keep = false;
          chunks.length = 0;
        }
      }
      yield chunk;
    }
    if (keep) {
      this.keep(key, { version, chunks, bytes });
    }
  }

  private keep(key: string, entry: Entry): void {
    const previous = this.#entries.get(key);
    if (previous) {
      if (previous.version > entry.version) {
        return;
      }
      this.#bytes -= previous.bytes;
      this.#entries.delete(key);
    }
    this.#entries.set(key, entry);
    this.#bytes += entry.bytes;
    for (const [oldKey, old] of this.#entries) {
      if (this.#bytes <= this.maxBytes) {
        break;
      }
      this.#entries.delete(oldKey);
      this.#bytes -= old.bytes;
    }
  }
}
