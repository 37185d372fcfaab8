import type {
  FactDocument,
  FactNamespace,
  MetricsFacts,
  OwnerFacts,
  RepositoryFacts,
} from '../../types';

/** A namespace given as data (status `ok`), or as a status with a reason. */
export type TestNamespace<T> =
  | T
  | { status: 'not-configured' | 'unavailable'; reason?: string };

/** Input of {@link createTestFacts}. */
export interface TestFactsInput {
  entity?: TestNamespace<Record<string, unknown>>;
  owner?: TestNamespace<Partial<OwnerFacts>>;
  repository?: TestNamespace<Partial<RepositoryFacts>>;
  metrics?: TestNamespace<Partial<MetricsFacts>>;
  /** Other namespaces, as full FactNamespace objects. */
  extra?: Record<string, FactNamespace<unknown>>;
}

function isStatus(
  value: unknown,
): value is { status: 'not-configured' | 'unavailable'; reason?: string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    ((value as { status?: unknown }).status === 'not-configured' ||
      (value as { status?: unknown }).status === 'unavailable') &&
    Object.keys(value).every(key => key === 'status' || key === 'reason')
  );
}

function toNamespace(
  value: unknown,
  fill: (data: Record<string, unknown>) => unknown,
): FactNamespace<unknown> {
  if (value === undefined) {
    return { status: 'not-configured', reason: 'not set in the test' };
  }
  if (isStatus(value)) {
    return { ...value };
  }
  return { status: 'ok', data: fill(value as Record<string, unknown>) };
}

/** A component with the least a catalog entity has. */
export function testComponent(
  overrides: {
    name?: string;
    type?: string;
    kind?: string;
    annotations?: Record<string, unknown>;
    labels?: Record<string, unknown>;
    tags?: unknown[];
    links?: unknown[];
    spec?: Record<string, unknown>;
  } = {},
): Record<string, unknown> {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: overrides.kind ?? 'Component',
    metadata: {
      name: overrides.name ?? 'svc',
      ...(overrides.annotations ? { annotations: overrides.annotations } : {}),
      ...(overrides.labels ? { labels: overrides.labels } : {}),
      ...(overrides.tags ? { tags: overrides.tags } : {}),
      ...(overrides.links ? { links: overrides.links } : {}),
    },
    spec: {
      type: overrides.type ?? 'service',
      lifecycle: 'production',
      owner: 'team-a',
      ...overrides.spec,
    },
  };
}

/**
 * Builds a fact document for tests: namespaces given as data are `ok`;
 * omitted ones are `not-configured`.
 */
export function createTestFacts(input: TestFactsInput = {}): FactDocument {
  const namespaces: FactDocument['namespaces'] = {
    entity: toNamespace(input.entity, data => data),
    owner: toNamespace(input.owner, data => ({
      resolved: true,
      kind: 'group',
      ownerRef: 'group:default/team-a',
      contacts: [],
      members: [],
      ...data,
    })),
    repository: toNamespace(input.repository, data => ({
      location: 'https://github.com/acme/svc/tree/main/',
      files: [],
      truncated: false,
      dependencies: [],
      ...data,
    })),
    metrics: toNamespace(input.metrics, data => ({
      source: 'prometheus',
      signals: {},
      ...data,
    })),
    ...input.extra,
  };
  return { entityRef: 'component:default/svc', namespaces };
}
