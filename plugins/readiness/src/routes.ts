import { createRouteRef, createSubRouteRef } from '@backstage/core-plugin-api';

/**
 * The route of the organisation-wide readiness page.
 *
 * @public
 */
export const rootRouteRef = createRouteRef({
  id: 'readiness',
});

/**
 * The list of campaigns, below the readiness page (`/readiness/campaigns`).
 *
 * @public
 */
export const campaignsRouteRef = createSubRouteRef({
  id: 'readiness/campaigns',
  parent: rootRouteRef,
  path: '/campaigns',
});

/**
 * One campaign's page (`/readiness/campaigns/:id`).
 *
 * @public
 */
export const campaignRouteRef = createSubRouteRef({
  id: 'readiness/campaign',
  parent: rootRouteRef,
  path: '/campaigns/:id',
});
