/** Socket and DNS failures that a second attempt may not meet. */
const TRANSIENT_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
]);

/** HTTP answers of a server that is restarting or overloaded. */
const TRANSIENT_STATUSES = new Set([502, 503, 504]);

function fieldOf(value: unknown, key: string): unknown {
  return value && typeof value === 'object'
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

/**
 * Whether an error is a transient network failure worth one more attempt:
 * a connection reset, refused or timed out (also when wrapped as the `cause`
 * of a `fetch failed` error), or a 502/503/504 answer (a `ResponseError` of
 * `@backstage/errors` carries the status in `response.status`). Anything
 * else (a 4xx, a bug) is not retried.
 *
 * @internal
 */
export function isTransientError(error: unknown): boolean {
  for (
    let current: unknown = error, depth = 0;
    current && depth < 4;
    current = fieldOf(current, 'cause'), depth++
  ) {
    const code = fieldOf(current, 'code');
    if (typeof code === 'string' && TRANSIENT_CODES.has(code)) {
      return true;
    }
    const status =
      fieldOf(fieldOf(current, 'response'), 'status') ??
      fieldOf(current, 'statusCode');
    if (typeof status === 'number' && TRANSIENT_STATUSES.has(status)) {
      return true;
    }
    const message = fieldOf(current, 'message');
    if (typeof message === 'string' && /socket hang up/i.test(message)) {
      return true;
    }
  }
  return false;
}
