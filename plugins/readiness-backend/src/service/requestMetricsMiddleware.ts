import type { RequestHandler } from 'express';
import { performance } from 'node:perf_hooks';
import type { ReadinessMetrics } from '../observability/ReadinessMetrics';
import { spec } from '../schema/openapi.generated';

/** A path template of the spec and a matcher for request paths. */
interface RouteTemplate {
  route: string;
  pattern: RegExp;
}

function compileRoutes(paths: readonly string[]): RouteTemplate[] {
  return paths.map(route => ({
    route,
    pattern: new RegExp(
      `^${route
        .split(/\{[^}]+\}/)
        .map(part => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))
        .join('[^/]+')}/?$`,
    ),
  }));
}

/**
 * Records the API's golden signals for every request: in flight while it
 * runs, then its duration with method, status and route. The route is the
 * OpenAPI path template (`/entities/{kind}/{namespace}/{name}`), never the
 * raw path, so that entity names do not become metric attributes; paths
 * outside the spec count as `unknown`. It runs before validation, so
 * rejected requests (400) are counted too.
 *
 * @internal
 */
export function requestMetricsMiddleware(
  metrics: ReadinessMetrics,
  paths: readonly string[] = Object.keys(spec.paths),
): RequestHandler {
  const routes = compileRoutes(paths);
  const routeOf = (path: string) =>
    routes.find(r => r.pattern.test(path))?.route ?? 'unknown';

  return (req, res, next) => {
    const started = performance.now();
    const method = req.method;
    // req.path is relative to where the router is mounted (/api/readiness).
    const path = req.path;
    metrics.requestStarted(method);
    let done = false;
    const finish = () => {
      if (done) {
        return;
      }
      done = true;
      metrics.requestFinished({
        method,
        route: routeOf(path),
        // A client that went away before the answer: nginx's convention.
        status: res.writableFinished ? res.statusCode : 499,
        seconds: (performance.now() - started) / 1000,
      });
    };
    res.once('finish', finish);
    res.once('close', finish);
    next();
  };
}
