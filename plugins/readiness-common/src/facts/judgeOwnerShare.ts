import type { Entity } from '@backstage/catalog-model';
import type { OwnerShare } from '../types';
import { readOwnerRef } from './readCatalogRefs';

/**
 * When an owner's share of the catalog is implausible for one team (see
 * {@link judgeOwnerShare}); `readiness.ownership` in config.
 *
 * @public
 */
export interface OwnerShareThresholds {
  /** Least share of the catalog, 0–1 (e.g. 0.25 for a quarter). */
  maxOwnerShare: number;
  /** Least number of owned entities (small catalogs are not judged). */
  minOwnedEntities: number;
}

/**
 * The defaults: an owner of at least 20 entities and a quarter of the
 * catalog.
 *
 * @public
 */
export const DEFAULT_OWNER_SHARE_THRESHOLDS: OwnerShareThresholds = {
  maxOwnerShare: 0.25,
  minOwnedEntities: 20,
};

/**
 * Kinds whose `spec.owner` is counted (those the ownership checks judge).
 *
 * @public
 */
export const OWNED_ENTITY_KINDS: readonly string[] = [
  'component',
  'api',
  'resource',
  'system',
  'domain',
];

/**
 * How many entities each owner owns, over the whole catalog.
 *
 * @public
 */
export interface OwnedEntityCounts {
  /** Entities of {@link OWNED_ENTITY_KINDS}. */
  total: number;
  /** Full owner ref (see `readOwnerRef`) → entities it owns. */
  byOwner: ReadonlyMap<string, number>;
}

/**
 * Counts the owners of the entities of {@link OWNED_ENTITY_KINDS}, once
 * per pass over the catalog (entities of other kinds are skipped, so the
 * whole catalog may be given).
 *
 * @public
 */
export function countOwnedEntities(
  entities: Iterable<Entity>,
): OwnedEntityCounts {
  const byOwner = new Map<string, number>();
  let total = 0;
  for (const entity of entities) {
    const kind =
      typeof entity?.kind === 'string'
        ? entity.kind.toLocaleLowerCase('en-US')
        : '';
    if (!OWNED_ENTITY_KINDS.includes(kind)) {
      continue;
    }
    total += 1;
    const owner = readOwnerRef(entity);
    if (owner) {
      byOwner.set(owner, (byOwner.get(owner) ?? 0) + 1);
    }
  }
  return { total, byOwner };
}

/**
 * The share of the catalog `ownerRef` owns, and whether it is implausible
 * for one team: at least `minOwnedEntities` entities and at least
 * `maxOwnerShare` of the catalog. Undefined without an owner or counts.
 *
 * @public
 */
export function judgeOwnerShare(
  ownerRef: string | undefined,
  counts: OwnedEntityCounts | undefined,
  thresholds: OwnerShareThresholds = DEFAULT_OWNER_SHARE_THRESHOLDS,
): OwnerShare | undefined {
  if (!ownerRef || !counts || counts.total <= 0) {
    return undefined;
  }
  const owned = counts.byOwner.get(ownerRef) ?? 0;
  return {
    owned,
    total: counts.total,
    implausible:
      owned >= thresholds.minOwnedEntities &&
      owned / counts.total >= thresholds.maxOwnerShare,
  };
}
