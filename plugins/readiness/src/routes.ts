import { createRouteRef } from '@backstage/core-plugin-api';

/**
 * The route of the organisation-wide readiness page.
 *
 * @public
 */
export const rootRouteRef = createRouteRef({
  id: 'readiness',
});
