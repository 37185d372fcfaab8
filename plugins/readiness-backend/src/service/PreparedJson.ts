import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/** Bodies smaller than this are sent as they are (gzip would not pay). */
const GZIP_MIN_BYTES = 1400;

/**
 * A JSON response body serialised once: its bytes, a strong ETag from their
 * hash, and (made at the first request that accepts it) a gzip copy. Served
 * with {@link sendPrepared}, a repeat request does no JSON work, no ETag
 * hashing and no compression. A compacted body ({@link PreparedJson.compact})
 * keeps only its gzip copy, a sixth of the size or less, and inflates it for
 * the rare client that does not take gzip.
 *
 * Compression runs in libuv's thread pool, as the backend's compression
 * middleware would, not on the event loop.
 *
 * @internal
 */
export class PreparedJson {
  /** Serialises `value`. */
  static of(value: unknown): PreparedJson {
    return new PreparedJson(Buffer.from(JSON.stringify(value), 'utf8'));
  }

  /** The strong ETag of the identity bytes, quoted. */
  readonly etag: string;
  /** Length of the identity bytes. */
  readonly length: number;
  #bytes?: Buffer;
  #gzipped?: Buffer;
  #gzipping?: Promise<Buffer>;

  private constructor(bytes: Buffer) {
    this.#bytes = bytes;
    this.length = bytes.length;
    const hash = createHash('sha256')
      .update(bytes)
      .digest('base64url')
      .slice(0, 27);
    this.etag = `"${hash}"`;
  }

  /** The strong ETag of the gzip copy (a different representation). */
  get gzipEtag(): string {
    return `${this.etag.slice(0, -1)}-gz"`;
  }

  /** Whether a gzip copy is worth sending. */
  get compressible(): boolean {
    return this.length >= GZIP_MIN_BYTES;
  }

  /** Bytes held now (identity, gzip copy or both). */
  get size(): number {
    return (this.#bytes?.length ?? 0) + (this.#gzipped?.length ?? 0);
  }

  /** The identity bytes (inflated again when compacted). */
  async identity(): Promise<Buffer> {
    return this.#bytes ?? gunzipAsync(await this.gzipped());
  }

  /** The gzip copy of the bytes, compressed once. */
  async gzipped(): Promise<Buffer> {
    if (this.#gzipped) {
      return this.#gzipped;
    }
    if (!this.#gzipping) {
      const bytes = this.#bytes!;
      this.#gzipping = gzipAsync(bytes).then(
        buffer => {
          this.#gzipped = buffer;
          return buffer;
        },
        error => {
          this.#gzipping = undefined;
          throw error;
        },
      );
    }
    return this.#gzipping;
  }

  /**
   * Keeps only the gzip copy of a compressible body (made now if missing),
   * for bodies kept in large numbers.
   */
  async compact(): Promise<this> {
    if (this.compressible) {
      await this.gzipped();
      this.#bytes = undefined;
    }
    return this;
  }
}
