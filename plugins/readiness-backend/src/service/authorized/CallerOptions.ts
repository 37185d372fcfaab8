import type { BackstageCredentials } from '@backstage/backend-plugin-api';

/**
 * Who is asking: every method of the authorized services takes the caller's
 * credentials and answers as that caller.
 *
 * @internal
 */
export interface CallerOptions {
  credentials: BackstageCredentials;
}
