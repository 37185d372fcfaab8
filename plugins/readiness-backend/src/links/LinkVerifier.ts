import type { LinkCheck } from '@prodready/plugin-readiness-common';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { isPrivateAddress } from './isPrivateAddress';
import type { LinkVerifyConfig } from './readLinkVerifyConfig';

/**
 * Options of {@link LinkVerifier.create}.
 *
 * @internal
 */
export interface LinkVerifierOptions {
  config: LinkVerifyConfig;
  /** Clock for the cache and the rate limit (tests). */
  now?: () => number;
  /** Waits that many milliseconds (tests). */
  sleep?: (ms: number) => Promise<void>;
}

/** An answer, or a network error code with its message. */
type Outcome = { status: number } | { error: string; code: string | undefined };

/** Statuses that say the page exists: it answered, maybe behind a login. */
const ANSWERED_ERRORS = new Set([401, 403, 407]);
/** Network errors that say the link leads nowhere. */
const DEAD_CODES = new Set([
  'ENOTFOUND',
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
]);

function hostAllowed(host: string, allowed: readonly string[]): boolean {
  if (allowed.length === 0) {
    return true;
  }
  return allowed.some(pattern =>
    pattern.startsWith('*.')
      ? host.endsWith(pattern.slice(1)) && host.length > pattern.length - 1
      : host === pattern,
  );
}

/**
 * Fetches links to tell whether they answer: `HEAD`, then `GET` when the
 * server does not allow `HEAD` (405, 501). Redirects are not followed (a
 * redirect is an answer). Safe against server-side request forgery: the
 * host must be on the allow-list (when there is one), and every address it
 * resolves to must be public unless private addresses are allowed; the
 * connection goes to the address that was checked. One request at a time per
 * host, spaced by `perHostIntervalMs`; answers are cached for `cacheTtlMs`.
 *
 * @internal
 */
export class LinkVerifier {
  readonly #config: LinkVerifyConfig;
  readonly #now: () => number;
  readonly #sleep: (ms: number) => Promise<void>;
  readonly #cache = new Map<string, { at: number; check: LinkCheck }>();
  readonly #inFlight = new Map<string, Promise<LinkCheck>>();
  /** Per host: when its next request may start. */
  readonly #nextSlot = new Map<string, number>();

  static create(options: LinkVerifierOptions): LinkVerifier {
    return new LinkVerifier(options);
  }

  private constructor(options: LinkVerifierOptions) {
    this.#config = options.config;
    this.#now = options.now ?? Date.now;
    this.#sleep =
      options.sleep ?? (ms => new Promise(resolve => setTimeout(resolve, ms)));
  }

  /** What fetching the URL finds; never throws. */
  async verify(url: string, signal?: AbortSignal): Promise<LinkCheck> {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return { url, state: 'unchecked', reason: 'not a valid URL' };
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      return { url, state: 'unchecked', reason: 'not an http(s) URL' };
    }
    const host = parsed.hostname.toLowerCase().replace(/^\[|\]$/g, '');
    if (!hostAllowed(host, this.#config.allowedHosts)) {
      return {
        url,
        state: 'unchecked',
        reason: `host ${host} is not in readiness.links.verify.allowedHosts`,
      };
    }
    const cached = this.#cache.get(url);
    if (cached && this.#now() - cached.at < this.#config.cacheTtlMs) {
      return cached.check;
    }
    let pending = this.#inFlight.get(url);
    if (!pending) {
      pending = this.#fetch(parsed, host, signal).finally(() =>
        this.#inFlight.delete(url),
      );
      this.#inFlight.set(url, pending);
    }
    const check = await pending;
    if (this.#config.cacheTtlMs > 0) {
      this.#cache.set(url, { at: this.#now(), check });
    }
    return check;
  }

  async #fetch(
    url: URL,
    host: string,
    signal: AbortSignal | undefined,
  ): Promise<LinkCheck> {
    const href = url.href;
    if (isIP(host) && !this.#config.allowPrivateAddresses) {
      if (isPrivateAddress(host)) {
        return {
          url: href,
          state: 'unchecked',
          reason: `${host} is a private or loopback address`,
        };
      }
    }
    await this.#slot(host);
    let outcome = await this.#request(url, 'HEAD', signal);
    if (
      'status' in outcome &&
      (outcome.status === 405 || outcome.status === 501)
    ) {
      await this.#slot(host);
      outcome = await this.#request(url, 'GET', signal);
    }
    return this.#judge(href, outcome);
  }

  #judge(url: string, outcome: Outcome): LinkCheck {
    if ('status' in outcome) {
      const { status } = outcome;
      const reason = `HTTP ${status}`;
      if (status < 400 || ANSWERED_ERRORS.has(status)) {
        return { url, state: 'answered', status, reason };
      }
      if (status === 429) {
        return {
          url,
          state: 'unchecked',
          status,
          reason: `${reason} (rate limited)`,
        };
      }
      return { url, state: 'dead', status, reason };
    }
    if (outcome.code === 'EPRIVATE') {
      return { url, state: 'unchecked', reason: outcome.error };
    }
    if (outcome.code && DEAD_CODES.has(outcome.code)) {
      return {
        url,
        state: 'dead',
        reason: `${outcome.code}: ${outcome.error}`,
      };
    }
    return { url, state: 'unchecked', reason: outcome.error };
  }

  /** Waits for the host's next request slot. */
  async #slot(host: string): Promise<void> {
    const now = this.#now();
    const at = Math.max(now, this.#nextSlot.get(host) ?? 0);
    this.#nextSlot.set(host, at + this.#config.perHostIntervalMs);
    if (this.#nextSlot.size > 10_000) {
      for (const [key, next] of this.#nextSlot) {
        if (next < now) {
          this.#nextSlot.delete(key);
        }
      }
    }
    if (at > now) {
      await this.#sleep(at - now);
    }
  }

  /** Resolves the host and refuses private addresses unless allowed. */
  #lookup: LookupFunction = (hostname, options, callback) => {
    dnsLookup(hostname, { all: true }, (error, addresses: LookupAddress[]) => {
      if (error) {
        callback(error, '', 0);
        return;
      }
      const privateOne = addresses.find(a => isPrivateAddress(a.address));
      if (privateOne && !this.#config.allowPrivateAddresses) {
        const refused: NodeJS.ErrnoException = new Error(
          `${hostname} resolves to a private or loopback address (${privateOne.address})`,
        );
        refused.code = 'EPRIVATE';
        callback(refused, '', 0);
        return;
      }
      if (options.all) {
        (
          callback as unknown as (err: null, addresses: LookupAddress[]) => void
        )(null, addresses);
      } else {
        callback(null, addresses[0].address, addresses[0].family);
      }
    });
  };

  #request(
    url: URL,
    method: 'HEAD' | 'GET',
    signal: AbortSignal | undefined,
  ): Promise<Outcome> {
    const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const timeoutMs = this.#config.timeoutMs;
    return new Promise<Outcome>(resolve => {
      const pending: {
        done: boolean;
        timer?: ReturnType<typeof setTimeout>;
      } = { done: false };
      const finish = (outcome: Outcome) => {
        if (!pending.done) {
          pending.done = true;
          clearTimeout(pending.timer);
          resolve(outcome);
        }
      };
      const req = request(
        url,
        {
          method,
          lookup: this.#lookup,
          headers: { 'User-Agent': 'backstage-readiness-link-check' },
          signal,
        },
        (response: IncomingMessage) => {
          finish({ status: response.statusCode ?? 0 });
          // The body is never needed.
          response.destroy();
        },
      );
      pending.timer = setTimeout(() => {
        finish({
          error: `no answer within ${timeoutMs} ms`,
          code: 'ETIMEDOUT',
        });
        req.destroy();
      }, timeoutMs);
      req.on('error', (error: NodeJS.ErrnoException) => {
        finish({ error: error.message, code: error.code });
      });
      req.end();
    });
  }
}
