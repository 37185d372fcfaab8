import express from 'express';
import { NotFoundError } from '@backstage/errors';
import { createOpenApiRouter } from '../schema/openapi.generated';
import { bindAttestationsEndpoints } from './endpoints/attestations.router';
import { bindCampaignsEndpoints } from './endpoints/campaigns.router';
import { bindChecksEndpoints } from './endpoints/checks.router';
import { bindEntitiesEndpoints } from './endpoints/entities.router';
import { bindExemptionsEndpoints } from './endpoints/exemptions.router';
import { bindFactsEndpoints } from './endpoints/facts.router';
import { bindInsightsEndpoints } from './endpoints/insights.router';
import { bindRunsEndpoints } from './endpoints/runs.router';
import { bindSearchEndpoints } from './endpoints/search.router';
import type { RouterDependencies } from './RouterDependencies';
import { authenticateRequests } from './authenticateRequests';
import { mapServerErrors } from './mapServerErrors';
import { rejectControlCharacters } from './rejectControlCharacters';
import { requestMetricsMiddleware } from './requestMetricsMiddleware';

/**
 * Creates the router of the readiness API: every request is measured (the
 * API's own golden signals), authenticated (all but `/health`; the plugin
 * turns the backend's default barrier off for its paths so that a database
 * outage answers 503, not 401), refused when it carries control characters,
 * validated against the OpenAPI spec (400 naming the bad parameter), then
 * each endpoint binder parses, calls its authorized service and answers.
 * Anything else is a 404 with an error body. Errors that would be a 500 are
 * a 503 while the database does not answer, and never carry SQL text; then
 * they go to the backend's error middleware.
 *
 * @internal
 */
export async function createRouter(
  deps: RouterDependencies,
): Promise<express.Router> {
  const api = createOpenApiRouter({
    middleware: [express.json(), rejectControlCharacters],
  });
  bindChecksEndpoints(api, deps);
  bindEntitiesEndpoints(api, deps);
  bindSearchEndpoints(api, deps);
  bindInsightsEndpoints(api, deps);
  bindRunsEndpoints(api, deps);
  bindExemptionsEndpoints(api, deps);
  bindFactsEndpoints(api, deps);
  bindAttestationsEndpoints(api, deps);
  bindCampaignsEndpoints(api, deps);
  const router = express.Router();
  router.use(requestMetricsMiddleware(deps.metrics));
  router.use(
    authenticateRequests({
      httpAuth: deps.httpAuth,
      health: deps.health,
      unauthenticatedPaths: ['/health'],
    }),
  );
  router.use(api);
  router.use((req, _res, next) => {
    // The backend's own routes below the plugin (`/.backstage/…`, e.g. the
    // actions registry) are not this API's to refuse.
    if (req.path.startsWith('/.backstage/')) {
      next();
      return;
    }
    next(new NotFoundError(`No route ${req.method} ${req.path}`));
  });
  router.use(mapServerErrors({ health: deps.health, logger: deps.logger }));
  return router;
}
