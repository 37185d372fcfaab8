import type {
  BackstageCredentials,
  BackstagePrincipalTypes,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { createHash } from 'node:crypto';
import type { Request } from 'express';

/** How long a verified token is reused at most. */
const DEFAULT_TTL_MS = 60_000;
/** Tokens remembered at most (least recently verified out first). */
const MAX_ENTRIES = 1000;

interface Verified {
  credentials: BackstageCredentials;
  until: number;
}

function bearerToken(req: Request): string | undefined {
  const header = req.headers.authorization;
  return typeof header === 'string'
    ? /^Bearer[ ]+(\S+)$/i.exec(header)?.[1]
    : undefined;
}

/**
 * An {@link HttpAuthService} that verifies each bearer token once per
 * `ttlMs` (default 60 s) instead of at every request: the signature check of
 * a Backstage token (ECDSA) is a fixed cost of every API call, and a page
 * view sends the same token again and again.
 *
 * Why this is safe: Backstage user and service tokens are signed JWTs that
 * cannot be revoked; verifying one depends only on the token, the issuer's
 * public keys and the clock, and a key that signed a token stays published
 * until that token expires. So a token verified once stays valid until its
 * `exp`, and reusing the verdict for at most `ttlMs` and never past the
 * credentials' `expiresAt` accepts nothing the verifier would refuse. Only
 * successful verifications are kept (a bad token is verified, and refused,
 * every time), keyed by the token's SHA-256 (the tokens themselves are not
 * kept). Cookies, limited access and requests without a token go to the
 * backend's service unchanged.
 *
 * @internal
 */
export class VerifiedTokenCache implements HttpAuthService {
  readonly #verified = new Map<string, Verified>();

  constructor(
    private readonly inner: HttpAuthService,
    private readonly options: { ttlMs?: number; now?: () => number } = {},
  ) {}

  private now(): number {
    return this.options.now ? this.options.now() : Date.now();
  }

  async credentials<TAllowed extends keyof BackstagePrincipalTypes = 'unknown'>(
    req: Request,
    options?: { allow?: Array<TAllowed>; allowLimitedAccess?: boolean },
  ): Promise<BackstageCredentials<BackstagePrincipalTypes[TAllowed]>> {
    const token = options?.allowLimitedAccess ? undefined : bearerToken(req);
    if (!token) {
      return this.inner.credentials(req, options);
    }
    const key = createHash('sha256').update(token).digest('base64url');
    const now = this.now();
    let hit = this.#verified.get(key);
    if (!hit || hit.until <= now) {
      // Verified (or refused, then thrown) by the backend's service.
      const credentials = await this.inner.credentials(req);
      const expiresAt = credentials.expiresAt?.getTime() ?? Infinity;
      hit = {
        credentials,
        until: Math.min(
          now + (this.options.ttlMs ?? DEFAULT_TTL_MS),
          expiresAt,
        ),
      };
      this.#verified.delete(key);
      this.#verified.set(key, hit);
      while (this.#verified.size > MAX_ENTRIES) {
        const oldest = this.#verified.keys().next().value;
        if (oldest === undefined) break;
        this.#verified.delete(oldest);
      }
    }
    const principal = hit.credentials.principal as { type?: string };
    if (
      options?.allow &&
      !(options.allow as string[]).includes(principal.type ?? '')
    ) {
      // As the backend's service words it.
      throw new NotAllowedError(
        `This endpoint does not allow '${principal.type}' credentials`,
      );
    }
    return hit.credentials as BackstageCredentials<
      BackstagePrincipalTypes[TAllowed]
    >;
  }

  issueUserCookie(
    res: Parameters<HttpAuthService['issueUserCookie']>[0],
    options?: Parameters<HttpAuthService['issueUserCookie']>[1],
  ): Promise<{ expiresAt: Date }> {
    return this.inner.issueUserCookie(res, options);
  }
}
