import readinessPlugin from './alpha';
import { campaignRouteRef, campaignsRouteRef, rootRouteRef } from './routes';

describe('readiness plugin for the new frontend system', () => {
  it.each([
    ['api:readiness', 'api'],
    ['page:readiness', 'page'],
    ['entity-content:readiness', 'entity-content'],
    ['entity-content:readiness/rollup', 'entity-content'],
    ['entity-card:readiness', 'entity-card'],
    ['catalog-filter:readiness/readiness-gap', 'catalog-filter'],
  ] as const)('provides %s', (id, kind) => {
    expect(readinessPlugin.getExtension(id)).toMatchObject({
      kind,
      namespace: 'readiness',
    });
  });

  it('exposes the page route', () => {
    expect(readinessPlugin.pluginId).toBe('readiness');
    expect(readinessPlugin.routes.root).toBe(rootRouteRef);
    expect(readinessPlugin.routes.campaigns).toBe(campaignsRouteRef);
    expect(readinessPlugin.routes.campaign).toBe(campaignRouteRef);
  });
});
