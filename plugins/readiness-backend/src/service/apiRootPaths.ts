import { spec } from '../schema/openapi.generated';

/**
 * The first path segment of every route of the API (`/search`,
 * `/entities`, …) and the spec itself (`/openapi.json`), taken from the
 * OpenAPI spec: the paths the plugin's router authenticates itself
 * ({@link authenticateRequests}) instead of the backend's default barrier.
 * The backend's own routes below the plugin (`/.backstage/…`, e.g. the
 * actions) stay behind that barrier.
 *
 * @internal
 */
export function apiRootPaths(): string[] {
  const roots = Object.keys(spec.paths).map(path => `/${path.split('/')[1]}`);
  return [...new Set([...roots, '/openapi.json'])];
}
