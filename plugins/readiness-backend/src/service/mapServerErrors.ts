import type { LoggerService } from '@backstage/backend-plugin-api';
import { ServiceUnavailableError } from '@backstage/errors';
import type { NextFunction, Request, Response } from 'express';
import type { ReadinessHealth } from './ReadinessHealth';

/** Errors the backend's error middleware answers below 500. */
const CLIENT_ERRORS = new Set([
  'InputError',
  'AuthenticationError',
  'NotAllowedError',
  'NotFoundError',
  'ConflictError',
  'NotModifiedError',
  'NotImplementedError',
  'ServiceUnavailableError',
]);

function fieldOf(value: unknown, key: string): unknown {
  return value && typeof value === 'object'
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

/**
 * Whether an error comes from the database driver: a SQLSTATE (PostgreSQL),
 * an `SQLITE_…` or `ER_…` code (SQLite, MySQL), or a knex timeout. Its
 * message holds the SQL text.
 */
function isDatabaseError(error: unknown): boolean {
  const code = fieldOf(error, 'code');
  return (
    (typeof code === 'string' &&
      (/^[0-9A-Z]{5}$/.test(code) || /^(SQLITE_|ER_)/.test(code))) ||
    fieldOf(error, 'name') === 'KnexTimeoutError'
  );
}

/**
 * The last error handler of the API, before the backend's own: an error
 * that is not the caller's (one that would be a 500, or a failed call to
 * another plugin) becomes a 503 with a clear message when the plugin's
 * database does not answer (an outage, not a bug), and a database error is
 * logged in full but answered without its SQL text.
 *
 * @internal
 */
export function mapServerErrors(options: {
  health: ReadinessHealth;
  logger: LoggerService;
}) {
  const { health, logger } = options;
  return async (
    error: unknown,
    req: Request,
    _res: Response,
    next: NextFunction,
  ) => {
    const name = fieldOf(error, 'name');
    const status = fieldOf(error, 'statusCode') ?? fieldOf(error, 'status');
    // A ResponseError is a call to another plugin that failed (e.g. the
    // catalog answering 401 because it could not verify this plugin's token
    // during an outage): not the caller's fault, whatever its status.
    if (
      (typeof name === 'string' && CLIENT_ERRORS.has(name)) ||
      (name !== 'ResponseError' && typeof status === 'number' && status < 500)
    ) {
      next(error);
      return;
    }
    if (!(await health.isDatabaseAvailable())) {
      next(
        new ServiceUnavailableError(
          'The readiness database is unavailable; try again later',
        ),
      );
      return;
    }
    if (isDatabaseError(error)) {
      logger.error(
        `Database error on ${req.method} ${req.path}`,
        error instanceof Error ? error : undefined,
      );
      next(new Error('The database could not answer this request'));
      return;
    }
    next(error);
  };
}
