import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);

/** Bodies smaller than this are sent as they are (gzip would not pay). */
const GZIP_MIN_BYTES = 1400;

/**
 * A JSON response body serialised once: its bytes, a strong ETag from their
 * hash, and (made at the first request that accepts it) a gzip copy. Served
 * with {@link sendPrepared}, a repeat request does no JSON work, no ETag
 * hashing and no compression.
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
  #gzipped?: Buffer;
  #gzipping?: Promise<Buffer>;

  private constructor(readonly bytes: Buffer) {
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
    return this.bytes.length >= GZIP_MIN_BYTES;
  }

  /**
   * The gzip copy of the bytes, compressed once (in libuv's thread pool,
   * as the backend's compression middleware would, not on the event loop).
   */
  async gzipped(): Promise<Buffer> {
    if (this.#gzipped) {
      return this.#gzipped;
    }
    if (!this.#gzipping) {
      this.#gzipping = gzipAsync(this.bytes).then(
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
}
