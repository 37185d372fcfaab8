import type {
  BackstageCredentials,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import { mockCredentials } from '@backstage/backend-test-utils';
import { AuthenticationError } from '@backstage/errors';
import type { Request } from 'express';
import { VerifiedTokenCache } from './VerifiedTokenCache';

function requestWith(authorization?: string): Request {
  return { headers: authorization ? { authorization } : {} } as Request;
}

function innerAuth(expiresAt?: Date) {
  const credentials = jest.fn(async (req: Request) => {
    const header = req.headers.authorization;
    if (header === 'Bearer bad') {
      throw new AuthenticationError('Invalid token');
    }
    if (!header) {
      return mockCredentials.none();
    }
    return {
      ...mockCredentials.user('user:default/jane'),
      expiresAt,
    } as BackstageCredentials;
  });
  const inner = {
    credentials,
    issueUserCookie: jest.fn(),
  } as unknown as HttpAuthService;
  return { inner, credentials };
}

describe('VerifiedTokenCache', () => {
  it('verifies a token once per time to live, and again after it', async () => {
    let now = 0;
    const { inner, credentials } = innerAuth();
    const auth = new VerifiedTokenCache(inner, { ttlMs: 1000, now: () => now });
    const req = () => requestWith('Bearer good');
    const first = await auth.credentials(req());
    expect(await auth.credentials(req(), { allow: ['user'] })).toBe(first);
    expect(credentials).toHaveBeenCalledTimes(1);
    now = 1000;
    await auth.credentials(req());
    expect(credentials).toHaveBeenCalledTimes(2);
  });

  it('never reuses a verdict past the credentials expiry', async () => {
    let now = 0;
    const { inner, credentials } = innerAuth(new Date(500));
    const auth = new VerifiedTokenCache(inner, {
      ttlMs: 60_000,
      now: () => now,
    });
    await auth.credentials(requestWith('Bearer good'));
    now = 499;
    await auth.credentials(requestWith('Bearer good'));
    expect(credentials).toHaveBeenCalledTimes(1);
    now = 500;
    await auth.credentials(requestWith('Bearer good'));
    expect(credentials).toHaveBeenCalledTimes(2);
  });

  it('refuses a bad token every time, and keeps tokens apart', async () => {
    const { inner, credentials } = innerAuth();
    const auth = new VerifiedTokenCache(inner);
    await expect(auth.credentials(requestWith('Bearer bad'))).rejects.toThrow(
      'Invalid token',
    );
    await expect(auth.credentials(requestWith('Bearer bad'))).rejects.toThrow(
      'Invalid token',
    );
    await auth.credentials(requestWith('Bearer good'));
    await auth.credentials(requestWith('Bearer other'));
    expect(credentials).toHaveBeenCalledTimes(4);
  });

  it('applies the allowed principal types to reused credentials', async () => {
    const { inner } = innerAuth();
    const auth = new VerifiedTokenCache(inner);
    await auth.credentials(requestWith('Bearer good'));
    await expect(
      auth.credentials(requestWith('Bearer good'), { allow: ['service'] }),
    ).rejects.toThrow("This endpoint does not allow 'user' credentials");
  });

  it('hands requests without a bearer token and limited access to the backend service', async () => {
    const { inner, credentials } = innerAuth();
    const auth = new VerifiedTokenCache(inner);
    await auth.credentials(requestWith(), { allow: ['none'] });
    await auth.credentials(requestWith(), { allow: ['none'] });
    await auth.credentials(requestWith('Bearer good'), {
      allowLimitedAccess: true,
    });
    await auth.credentials(requestWith('Bearer good'), {
      allowLimitedAccess: true,
    });
    expect(credentials).toHaveBeenCalledTimes(4);
  });
});
