import type { Entity, EntityLink } from '@backstage/catalog-model';

/**
 * Options of {@link mockComponent}.
 *
 * @public
 */
export interface MockComponentOptions {
  /** `metadata.name`, default `test-service`. */
  name?: string;
  /** `metadata.namespace`, default `default`. */
  namespace?: string;
  /** Default `Component`. */
  kind?: string;
  /** `spec.type`, default `service`. */
  type?: string;
  /** `spec.lifecycle`, default `production`. */
  lifecycle?: string;
  /** `spec.owner`, default `group:default/team-a`. */
  owner?: string;
  /** `spec.system`; none by default. */
  system?: string;
  /** `metadata.annotations`; none by default. */
  annotations?: Record<string, string>;
  /** `metadata.labels`; none by default. */
  labels?: Record<string, string>;
  /** `metadata.tags`; none by default. */
  tags?: string[];
  /** `metadata.links`; none by default. */
  links?: EntityLink[];
}

/**
 * A catalog entity for tests: a production service owned by
 * `group:default/team-a` unless told otherwise.
 *
 * @public
 */
export function mockComponent(options: MockComponentOptions = {}): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: options.kind ?? 'Component',
    metadata: {
      name: options.name ?? 'test-service',
      namespace: options.namespace ?? 'default',
      ...(options.annotations ? { annotations: options.annotations } : {}),
      ...(options.labels ? { labels: options.labels } : {}),
      ...(options.tags ? { tags: options.tags } : {}),
      ...(options.links ? { links: options.links } : {}),
    },
    spec: {
      type: options.type ?? 'service',
      lifecycle: options.lifecycle ?? 'production',
      owner: options.owner ?? 'group:default/team-a',
      ...(options.system ? { system: options.system } : {}),
    },
  };
}
