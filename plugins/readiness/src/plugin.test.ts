import { readinessPlugin } from './plugin';
import { campaignRouteRef, campaignsRouteRef, rootRouteRef } from './routes';

describe('readinessPlugin', () => {
  it('is the readiness plugin with its API client', () => {
    expect(readinessPlugin.getId()).toBe('readiness');
    expect(
      Array.from(readinessPlugin.getApis(), factory => factory.api.id),
    ).toEqual(['plugin.readiness.service']);
  });

  it('has the campaign pages as routes below the readiness page', () => {
    expect(readinessPlugin.routes).toEqual({
      root: rootRouteRef,
      campaigns: campaignsRouteRef,
      campaign: campaignRouteRef,
    });
  });
});
