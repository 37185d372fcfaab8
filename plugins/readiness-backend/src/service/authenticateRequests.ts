import type { HttpAuthService } from '@backstage/backend-plugin-api';
import { ServiceUnavailableError } from '@backstage/errors';
import type { NextFunction, Request, Response } from 'express';
import type { ReadinessHealth } from './ReadinessHealth';

/**
 * Options of {@link authenticateRequests}.
 *
 * @internal
 */
export interface AuthenticateRequestsOptions {
  httpAuth: HttpAuthService;
  health: ReadinessHealth;
  /** Paths answered without a token (`/health`). */
  unauthenticatedPaths: string[];
}

/**
 * Requires a user or service token on every route of the API except
 * `unauthenticatedPaths`, before any validation (so an anonymous request
 * learns nothing about the API but 401). It takes over from the backend's
 * default credentials barrier, which the plugin switches off for its own
 * paths, so that an outage is told apart from a bad token: during a
 * database outage, verifying a token fails too (the signing keys are read
 * from the database), and the barrier would answer 401. Here, a failed
 * authentication while the plugin's database does not answer is a 503.
 *
 * Only the API's own paths ({@link apiRootPaths}) are let through the
 * barrier; the backend's routes below the plugin (`/.backstage/…`) stay
 * behind it.
 *
 * @internal
 */
export function authenticateRequests(options: AuthenticateRequestsOptions) {
  const { httpAuth, health, unauthenticatedPaths } = options;
  const open = new Set(unauthenticatedPaths);
  return async (req: Request, _res: Response, next: NextFunction) => {
    if (open.has(req.path)) {
      next();
      return;
    }
    try {
      await httpAuth.credentials(req, { allow: ['user', 'service'] });
    } catch (error) {
      if (!(await health.isDatabaseAvailable())) {
        next(
          new ServiceUnavailableError(
            'The readiness database is unavailable, so the request could not be authenticated; try again later',
          ),
        );
        return;
      }
      next(error);
      return;
    }
    next();
  };
}
