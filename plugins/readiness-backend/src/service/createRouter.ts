import type express from 'express';
import { createOpenApiRouter } from '../schema/openapi.generated';
import { bindChecksEndpoints } from './endpoints/checks.router';
import { bindEntitiesEndpoints } from './endpoints/entities.router';
import { bindExemptionsEndpoints } from './endpoints/exemptions.router';
import { bindInsightsEndpoints } from './endpoints/insights.router';
import { bindRunsEndpoints } from './endpoints/runs.router';
import { bindSearchEndpoints } from './endpoints/search.router';
import type { RouterDependencies } from './RouterDependencies';

/**
 * Creates the router of the readiness API: requests are validated against
 * the OpenAPI spec (400 naming the bad parameter), then each endpoint binder
 * parses, calls its model and answers. Errors go to the backend's error
 * middleware.
 *
 * @public
 */
export async function createRouter(
  deps: RouterDependencies,
): Promise<express.Router> {
  const router = createOpenApiRouter();
  bindChecksEndpoints(router, deps);
  bindEntitiesEndpoints(router, deps);
  bindSearchEndpoints(router, deps);
  bindInsightsEndpoints(router, deps);
  bindRunsEndpoints(router, deps);
  bindExemptionsEndpoints(router, deps);
  return router;
}
