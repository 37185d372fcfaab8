import type { Entity, EntityLink } from '@backstage/catalog-model';

/**
 * Options of {@link mockComponent}.
 *
 * @public
 */
export interface MockComponentOptions {
  name?: string;
  namespace?: string;
  /** Default `Component`. */
  kind?: string;
  /** `spec.type`, default `service`. */
  type?: string;
  /** `spec.lifecycle`, default `production`. */
  lifecycle?: string;
  /** `spec.owner`, default `group:default/team-a`. */
  owner?: string;
  system?: string;
  annotations?: Record<string, string>;
  labels?: Record<string, string>;
  tags?: string[];
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
