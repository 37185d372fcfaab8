import {
  defaultResource,
  resourceFromAttributes,
  type Resource,
} from '@opentelemetry/resources';

/**
 * What the backend's metrics and spans say about where they come from: the
 * SDK's defaults with `service.name` from `OTEL_SERVICE_NAME`, else
 * `backstage` (the SDK would say `unknown_service:node`).
 */
export function serviceResource(
  env: NodeJS.ProcessEnv = process.env,
): Resource {
  return defaultResource().merge(
    resourceFromAttributes({
      'service.name': env.OTEL_SERVICE_NAME || 'backstage',
    }),
  );
}
