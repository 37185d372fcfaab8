/** Attempts in all, the first included. */
const ATTEMPTS = 5;
/** Wait after the first failure; doubled after each further one. */
const BASE_DELAY_MS = 200;

/**
 * Calls an **idempotent** write until it succeeds, up to five attempts with
 * 200, 400, 800 and 1,600 ms between them; rejects with the last error. For
 * writes that may be repeated safely, such as marking a run failed: after
 * its connections were terminated, the next connection of the pool often
 * fails once too.
 *
 * @internal
 */
export async function retryWithBackoff(
  write: () => Promise<void>,
  sleep: (ms: number) => Promise<void> = ms =>
    new Promise(resolve => setTimeout(resolve, ms)),
): Promise<void> {
  let lastError: unknown;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    try {
      await write();
      return;
    } catch (error) {
      lastError = error;
      if (attempt < ATTEMPTS - 1) {
        await sleep(BASE_DELAY_MS * 2 ** attempt);
      }
    }
  }
  throw lastError;
}
