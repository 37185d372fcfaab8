import type { ReactElement } from 'react';
import type { Entity } from '@backstage/catalog-model';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { readinessBase, readinessTestApis } from './readinessTestApis';

/** The entity whose page the entity tab and card tests render. */
export const checkoutEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout-api', namespace: 'default' },
  spec: { type: 'service', owner: 'team-checkout', lifecycle: 'production' },
};

/** Where the mocked backend serves {@link checkoutEntity}'s scorecard. */
export const checkoutScorecardUrl = `${readinessBase}/entities/component/default/checkout-api`;

/**
 * Renders `ui` as on {@link checkoutEntity}'s page, with the readiness test
 * APIs (permissions allowed unless `permission` says otherwise), at the
 * address `routeEntries` gives (e.g. with a `#readiness-check-…` hash).
 */
export function renderOnEntityPage(
  ui: ReactElement,
  options: {
    permission?: 'ALLOW' | 'DENY';
    routeEntries?: string[];
    /** The entity whose page it is; default {@link checkoutEntity}. */
    entity?: Entity;
  } = {},
) {
  return renderInTestApp(
    <TestApiProvider apis={readinessTestApis(options)}>
      <EntityProvider entity={options.entity ?? checkoutEntity}>
        {ui}
      </EntityProvider>
    </TestApiProvider>,
    {
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      routeEntries: options.routeEntries,
    },
  );
}
