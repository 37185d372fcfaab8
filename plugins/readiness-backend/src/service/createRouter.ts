import express from 'express';
import { createOpenApiRouter } from '../schema/openapi.generated';
import { bindChecksEndpoints } from './endpoints/checks.router';
import { bindEntitiesEndpoints } from './endpoints/entities.router';
import { bindExemptionsEndpoints } from './endpoints/exemptions.router';
import { bindInsightsEndpoints } from './endpoints/insights.router';
import { bindRunsEndpoints } from './endpoints/runs.router';
import { bindSearchEndpoints } from './endpoints/search.router';
import type { RouterDependencies } from './RouterDependencies';
import { requestMetricsMiddleware } from './requestMetricsMiddleware';

/**
 * Creates the router of the readiness API: every request is measured (the
 * API's own golden signals), validated against the OpenAPI spec (400 naming
 * the bad parameter), then each endpoint binder parses, calls its model and
 * answers. Errors go to the backend's error middleware.
 *
 * @public
 */
export async function createRouter(
  deps: RouterDependencies,
): Promise<express.Router> {
  const api = createOpenApiRouter();
  bindChecksEndpoints(api, deps);
  bindEntitiesEndpoints(api, deps);
  bindSearchEndpoints(api, deps);
  bindInsightsEndpoints(api, deps);
  bindRunsEndpoints(api, deps);
  bindExemptionsEndpoints(api, deps);
  const router = express.Router();
  router.use(requestMetricsMiddleware(deps.metrics));
  router.use(api);
  return router;
}
