import AssessmentIcon from '@material-ui/icons/Assessment';
import {
  ApiBlueprint,
  PageBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import {
  CatalogFilterBlueprint,
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { readinessApiRef } from './api/ReadinessApi';
import { ReadinessClient } from './api/ReadinessClient';
import { campaignRouteRef, campaignsRouteRef, rootRouteRef } from './routes';

/** The kinds that get a readiness tab and card unless configured otherwise. */
function isScoredKind(entity: Entity): boolean {
  return ['component', 'api'].includes(entity.kind.toLocaleLowerCase('en-US'));
}

/** The kinds whose Readiness tab rolls up what they own or hold. */
function isRollupKind(entity: Entity): boolean {
  return ['group', 'system', 'domain'].includes(
    entity.kind.toLocaleLowerCase('en-US'),
  );
}

/**
 * The readiness API client.
 *
 * @alpha
 */
export const readinessApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: readinessApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new ReadinessClient({ discoveryApi, fetchApi }),
    }),
});

/**
 * The organisation-wide page at `/readiness`, with the campaigns below it.
 *
 * @alpha
 */
export const readinessPage = PageBlueprint.make({
  params: {
    path: '/readiness',
    title: 'Readiness',
    icon: <AssessmentIcon fontSize="inherit" />,
    routeRef: rootRouteRef,
    // The page draws its own header with run and score labels.
    noHeader: true,
    loader: () =>
      import('./components/ReadinessRouter').then(m => <m.ReadinessRouter />),
  },
});

/**
 * The Readiness tab of component and API pages.
 *
 * @alpha
 */
export const entityReadinessContent = EntityContentBlueprint.make({
  params: {
    path: '/readiness',
    title: 'Readiness',
    filter: isScoredKind,
    loader: () =>
      import('./components/EntityReadinessContent').then(m => (
        <m.EntityReadinessContent />
      )),
  },
});

/**
 * The Readiness tab of group, system and domain pages: the roll-up of what
 * they own or hold.
 *
 * @alpha
 */
export const entityRollupContent = EntityContentBlueprint.make({
  name: 'rollup',
  params: {
    path: '/readiness',
    title: 'Readiness',
    filter: isRollupKind,
    loader: () =>
      import('./components/EntityRollupContent').then(m => (
        <m.EntityRollupContent />
      )),
  },
});

/**
 * The readiness card of component and API overview pages.
 *
 * @alpha
 */
export const entityReadinessCard = EntityCardBlueprint.make({
  params: {
    filter: isScoredKind,
    loader: () =>
      import('./components/EntityReadinessCard').then(m => (
        <m.EntityReadinessCard />
      )),
  },
});

/**
 * The "Readiness gap" filter of the catalog index page.
 *
 * @alpha
 */
export const readinessGapCatalogFilter = CatalogFilterBlueprint.make({
  name: 'readiness-gap',
  params: {
    loader: () =>
      import('./components/ReadinessGapPicker').then(m => (
        <m.ReadinessGapPicker />
      )),
  },
});

/**
 * The readiness plugin for the new frontend system: API, page, entity tab,
 * entity card and catalog filter.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'readiness',
  title: 'Readiness',
  icon: <AssessmentIcon fontSize="inherit" />,
  routes: {
    root: rootRouteRef,
    campaigns: campaignsRouteRef,
    campaign: campaignRouteRef,
  },
  extensions: [
    readinessApi,
    readinessPage,
    entityReadinessContent,
    entityRollupContent,
    entityReadinessCard,
    readinessGapCatalogFilter,
  ],
});
