import { isTransientError } from './isTransientError';

/**
 * Options of {@link retryTransientErrors}.
 *
 * @internal
 */
export interface RetryTransientErrorsOptions {
  /** Attempts in all, the first included. Default 3. */
  attempts?: number;
  /** Wait before the second attempt; doubled for each further one. Default 100 ms. */
  baseDelayMs?: number;
  /** Waits (replaceable in tests). */
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) =>
  new Promise<void>(resolve => setTimeout(resolve, ms));

/**
 * Runs a **read** (a catalog lookup, a permission decision) again when it
 * fails with a transient network error ({@link isTransientError}), waiting
 * 100 ms, then 200 ms (with up to 50 % random jitter) between attempts; the
 * last error is thrown. Only for operations that change nothing: a write
 * that failed mid-way must not be sent twice.
 *
 * @internal
 */
export async function retryTransientErrors<T>(
  read: () => Promise<T>,
  options: RetryTransientErrorsOptions = {},
): Promise<T> {
  const attempts = Math.max(1, options.attempts ?? 3);
  const baseDelayMs = options.baseDelayMs ?? 100;
  const sleep = options.sleep ?? defaultSleep;
  for (let attempt = 1; ; attempt++) {
    try {
      return await read();
    } catch (error) {
      if (attempt >= attempts || !isTransientError(error)) {
        throw error;
      }
      const delay = baseDelayMs * 2 ** (attempt - 1);
      await sleep(delay + Math.random() * delay * 0.5);
    }
  }
}
