import {
  DEFAULT_NAMESPACE,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  FactNamespace,
  OwnerFacts,
  SystemFacts,
  readGroupContacts,
  toEntityRef,
} from '@prodready/plugin-readiness-common';

/**
 * The catalog as far as the CLI knows it: every entity of the files it was
 * given (scored and `--context`), by full ref.
 *
 * @public
 */
export type OfflineCatalog = ReadonlyMap<string, Entity>;

/**
 * A fact namespace built offline, with the ref it needed but could not find
 * in the scored files (when that made it `not-configured`).
 *
 * @public
 */
export interface OfflineFacts<TData> {
  namespace: FactNamespace<TData>;
  missingRef?: string;
}

function stringField(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function namespaceOf(entity: Entity): string {
  return entity.metadata.namespace ?? DEFAULT_NAMESPACE;
}

function profileOf(entity: Entity) {
  const profile = record(record(entity.spec)?.profile);
  return {
    displayName:
      stringField(profile?.displayName) ?? stringField(entity.metadata.title),
    email: stringField(profile?.email),
  };
}

/** Keeps only the keys whose value is defined. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined),
  ) as T;
}

function membersOf(
  groupRef: string,
  group: Entity,
  catalog: OfflineCatalog,
): OwnerFacts['members'] {
  const refs = new Set<string>();
  const declared = record(group.spec)?.members;
  if (Array.isArray(declared)) {
    for (const member of declared) {
      const ref = toEntityRef(member, {
        defaultKind: 'user',
        defaultNamespace: namespaceOf(group),
      });
      if (ref) {
        refs.add(ref);
      }
    }
  }
  for (const [ref, entity] of catalog) {
    if (entity.kind.toLocaleLowerCase('en-US') !== 'user') {
      continue;
    }
    const memberOf = record(entity.spec)?.memberOf;
    if (
      Array.isArray(memberOf) &&
      memberOf.some(
        g =>
          toEntityRef(g, {
            defaultKind: 'group',
            defaultNamespace: namespaceOf(entity),
          }) === groupRef,
      )
    ) {
      refs.add(ref);
    }
  }
  return [...refs].sort().map(ref => {
    const user = catalog.get(ref);
    return defined({ ref, ...(user ? profileOf(user) : {}) });
  });
}

/**
 * The `owner` facts of an entity from the entities of the scored files.
 *
 * Offline, the CLI only knows the files it was given, so an owner that is
 * not among them is not necessarily missing: the namespace is then
 * `not-configured` with a reason, and the ownership checks that need it are
 * `unknown` rather than failing. An entity without `spec.owner` gets `ok`
 * facts with `resolved: false`, so those checks fail as they should.
 *
 * @public
 */
export function buildOfflineOwnerFacts(
  entity: Entity,
  catalog: OfflineCatalog,
): OfflineFacts<OwnerFacts> {
  const written = record(entity.spec)?.owner;
  const ownerRef = toEntityRef(written, {
    defaultKind: 'group',
    defaultNamespace: namespaceOf(entity),
  });
  if (!ownerRef) {
    return {
      namespace: {
        status: 'ok',
        data: { resolved: false, contacts: [], members: [] },
      },
    };
  }
  const owner = catalog.get(ownerRef);
  if (!owner) {
    return {
      namespace: {
        status: 'not-configured',
        reason: `owner ${ownerRef} is not in the given files; pass its YAML (e.g. --context org.yaml) to decide this`,
      },
      missingRef: ownerRef,
    };
  }
  const kind = owner.kind.toLocaleLowerCase('en-US');
  const { displayName, email } = profileOf(owner);
  return {
    namespace: {
      status: 'ok',
      data: defined({
        ownerRef,
        resolved: true,
        kind,
        displayName: displayName ?? owner.metadata.name,
        email,
        contacts: readGroupContacts(owner),
        members: kind === 'group' ? membersOf(ownerRef, owner, catalog) : [],
      }),
    },
  };
}

/**
 * The `system` facts of an entity from the entities of the scored files:
 * its `spec.system` (or itself, for a System) and that system's domain.
 * A system that is not among the files makes the namespace `not-configured`,
 * for the same reason as an owner that is not.
 *
 * @public
 */
export function buildOfflineSystemFacts(
  entity: Entity,
  catalog: OfflineCatalog,
): OfflineFacts<SystemFacts> {
  const namespace = namespaceOf(entity);
  const spec = record(entity.spec);
  const isSystem = entity.kind.toLocaleLowerCase('en-US') === 'system';
  const systemRef = isSystem
    ? stringifyEntityRef(entity)
    : toEntityRef(spec?.system, {
        defaultKind: 'system',
        defaultNamespace: namespace,
      });

  if (!systemRef) {
    return {
      namespace: {
        status: 'ok',
        data: defined({
          resolved: false,
          domainRef: toEntityRef(spec?.domain, {
            defaultKind: 'domain',
            defaultNamespace: namespace,
          }),
        }),
      },
    };
  }
  const system = catalog.get(systemRef);
  if (!system) {
    return {
      namespace: {
        status: 'not-configured',
        reason: `system ${systemRef} is not in the given files; pass its YAML (e.g. --context systems.yaml) to decide this`,
      },
      missingRef: systemRef,
    };
  }
  return {
    namespace: {
      status: 'ok',
      data: defined({
        systemRef,
        resolved: true,
        systemTitle: stringField(system.metadata.title) ?? system.metadata.name,
        domainRef: toEntityRef(record(system.spec)?.domain, {
          defaultKind: 'domain',
          defaultNamespace: namespaceOf(system),
        }),
      }),
    },
  };
}
