import { apiRootPaths } from './apiRootPaths';

describe('apiRootPaths', () => {
  it('lists the first segment of every API route, never the backend routes', () => {
    const roots = apiRootPaths();
    expect(roots).toEqual(
      expect.arrayContaining([
        '/health',
        '/checks',
        '/entities',
        '/summaries',
        '/search',
        '/export',
        '/rollups',
        '/trend',
        '/champions',
        '/runs',
        '/exemptions',
        '/openapi.json',
      ]),
    );
    expect(roots.some(root => root === '/' || root.startsWith('/.'))).toBe(
      false,
    );
  });
});
