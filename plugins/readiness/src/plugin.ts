import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { readinessApiRef } from './api/ReadinessApi';
import { ReadinessClient } from './api/ReadinessClient';
import { campaignRouteRef, campaignsRouteRef, rootRouteRef } from './routes';

/**
 * The readiness frontend plugin (legacy frontend system): the API client,
 * the organisation-wide page, and the entity tab and card.
 *
 * @public
 */
export const readinessPlugin = createPlugin({
  id: 'readiness',
  apis: [
    createApiFactory({
      api: readinessApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new ReadinessClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: {
    root: rootRouteRef,
    campaigns: campaignsRouteRef,
    campaign: campaignRouteRef,
  },
});

/**
 * The organisation-wide readiness page with the campaigns below it
 * (`/campaigns`, `/campaigns/:id`); mount it at `/readiness`.
 *
 * @public
 */
export const ReadinessPage = readinessPlugin.provide(
  createRoutableExtension({
    name: 'ReadinessPage',
    component: () =>
      import('./components/ReadinessRouter').then(m => m.ReadinessRouter),
    mountPoint: rootRouteRef,
  }),
);

/**
 * The Readiness tab of an entity page.
 *
 * @public
 */
export const EntityReadinessContent = readinessPlugin.provide(
  createComponentExtension({
    name: 'EntityReadinessContent',
    component: {
      lazy: () =>
        import('./components/EntityReadinessContent').then(
          m => m.EntityReadinessContent,
        ),
    },
  }),
);

/**
 * The Readiness tab of a Group, System or Domain page: the roll-up of what
 * the team (with every group below it), system or domain holds.
 *
 * @public
 */
export const EntityRollupContent = readinessPlugin.provide(
  createComponentExtension({
    name: 'EntityRollupContent',
    component: {
      lazy: () =>
        import('./components/EntityRollupContent').then(
          m => m.EntityRollupContent,
        ),
    },
  }),
);

/**
 * The readiness overview card of an entity page.
 *
 * @public
 */
export const EntityReadinessCard = readinessPlugin.provide(
  createComponentExtension({
    name: 'EntityReadinessCard',
    component: {
      lazy: () =>
        import('./components/EntityReadinessCard').then(
          m => m.EntityReadinessCard,
        ),
    },
  }),
);
