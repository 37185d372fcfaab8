import type { ReactElement } from 'react';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { rootRouteRef } from '../routes';
import { readinessTestApis } from './readinessTestApis';

/**
 * Renders a campaign view with the readiness test APIs (permissions allowed
 * unless `permission` says otherwise), the readiness page mounted at
 * `/readiness` and entity pages at `/catalog/...`.
 */
export function renderCampaignView(
  ui: ReactElement,
  options: { permission?: 'ALLOW' | 'DENY'; routeEntries?: string[] } = {},
) {
  return renderInTestApp(
    <TestApiProvider apis={readinessTestApis(options)}>{ui}</TestApiProvider>,
    {
      mountedRoutes: {
        '/readiness': rootRouteRef,
        '/catalog/:namespace/:kind/:name': entityRouteRef,
      },
      routeEntries: options.routeEntries,
    },
  );
}
