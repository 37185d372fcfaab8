import type { Entity } from '@backstage/catalog-model';
import {
  FactNamespace,
  OwnedEntityCounts,
  OwnerFacts,
  OwnerShareThresholds,
  OwnerMember,
  SystemFacts,
  buildOwnerFacts,
  buildSystemFacts,
  judgeOwnerShare,
  readEntityRef,
  readGroupMemberRefs,
  readOwnerRef,
  readSystemRef,
  readUserGroupRefs,
} from '@prodready/plugin-readiness-common';

/**
 * The catalog as far as the CLI knows it: every entity of the files it was
 * given (scored and `--context`), by full ref. Refs are looked up
 * case-insensitively, as the catalog does.
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

/** The entity at a lower-case ref, whatever the case of the catalog's key. */
function lookup(catalog: OfflineCatalog, ref: string): Entity | undefined {
  const exact = catalog.get(ref);
  if (exact) {
    return exact;
  }
  for (const [key, entity] of catalog) {
    if (key.toLocaleLowerCase('en-US') === ref) {
      return entity;
    }
  }
  return undefined;
}

/** The members of a group: listed by the group, or users naming it. */
function membersOf(
  groupRef: string,
  group: Entity,
  catalog: OfflineCatalog,
): OwnerMember[] {
  const refs = new Set(readGroupMemberRefs(group));
  for (const entity of catalog.values()) {
    if (
      entity.kind.toLocaleLowerCase('en-US') === 'user' &&
      readUserGroupRefs(entity).includes(groupRef)
    ) {
      refs.add(readEntityRef(entity));
    }
  }
  return [...refs].map(ref => ({ ref, entity: lookup(catalog, ref) }));
}

/**
 * The `owner` facts of an entity from the entities of the scored files.
 *
 * Offline, the CLI only knows the files it was given, so an owner that is
 * not among them is not necessarily missing: the namespace is then
 * `not-configured` with a reason, and the ownership checks that need it are
 * `unknown` rather than failing. An entity without `spec.owner`, or whose
 * owner is neither a Group nor a User, gets `ok` facts with
 * `resolved: false`, so those checks fail as they should. The facts are
 * built by `buildOwnerFacts` of `@prodready/plugin-readiness-common`, as in
 * the backend. With `ownership` (the owners counted over the files, see
 * `countOwnedEntities`, and `readiness.ownership`'s thresholds) the facts
 * tell the owner's share of what is scored.
 *
 * @public
 */
export function buildOfflineOwnerFacts(
  entity: Entity,
  catalog: OfflineCatalog,
  ownership?: {
    counts: OwnedEntityCounts;
    thresholds?: OwnerShareThresholds;
  },
): OfflineFacts<OwnerFacts> {
  const ownerRef = readOwnerRef(entity);
  const owner = ownerRef ? lookup(catalog, ownerRef) : undefined;
  if (ownerRef && !owner) {
    return {
      namespace: {
        status: 'not-configured',
        reason: `owner ${ownerRef} is not in the given files; pass its YAML (e.g. --context org.yaml) to decide this`,
      },
      missingRef: ownerRef,
    };
  }
  const members =
    ownerRef && owner?.kind.toLocaleLowerCase('en-US') === 'group'
      ? membersOf(ownerRef, owner, catalog)
      : [];
  return {
    namespace: {
      status: 'ok',
      data: buildOwnerFacts({
        ownerRef,
        owner,
        members,
        share: ownership
          ? judgeOwnerShare(ownerRef, ownership.counts, ownership.thresholds)
          : undefined,
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
  const systemRef = readSystemRef(entity);
  const isOwnSystem = systemRef === readEntityRef(entity);
  const system =
    systemRef && !isOwnSystem ? lookup(catalog, systemRef) : undefined;
  if (systemRef && !isOwnSystem && !system) {
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
      data: buildSystemFacts({ entity, systemRef, system }),
    },
  };
}
