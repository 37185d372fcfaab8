import { readinessPlugin } from './plugin';

describe('readinessPlugin', () => {
  it('is the readiness plugin with its API client', () => {
    expect(readinessPlugin.getId()).toBe('readiness');
    expect(
      Array.from(readinessPlugin.getApis(), factory => factory.api.id),
    ).toEqual(['plugin.readiness.service']);
  });
});
