import type {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';

/**
 * A readable identity for the caller: the user entity ref, or
 * `service:<subject>` for a service principal.
 *
 * @internal
 */
export function describeCaller(
  auth: AuthService,
  credentials: BackstageCredentials,
): string {
  if (auth.isPrincipal(credentials, 'user')) {
    return credentials.principal.userEntityRef;
  }
  if (auth.isPrincipal(credentials, 'service')) {
    return `service:${credentials.principal.subject}`;
  }
  return 'unknown';
}
