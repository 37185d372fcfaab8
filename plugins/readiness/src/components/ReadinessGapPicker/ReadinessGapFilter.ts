import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import type { EntityFilter } from '@backstage/plugin-catalog-react';

type CatalogQuery = ReturnType<NonNullable<EntityFilter['getCatalogQuery']>>;

/**
 * Up to this many entities, the filter is also sent to the catalog backend
 * (as `metadata.name` in a list), so that the catalog returns only them. A
 * longer list would make the catalog request too large; the frontend filter
 * alone then applies.
 */
export const MAX_PUSHED_DOWN_REFS = 1000;

/**
 * A catalog filter keeping the entities that fail one readiness check. Built
 * from the refs the readiness backend reports as failing the check.
 *
 * @public
 */
export class ReadinessGapFilter implements EntityFilter {
  /** The check the entities fail. */
  readonly checkId: string;
  /** The refs of the entities failing the check. */
  readonly entityRefs: readonly string[];
  private readonly refs: Set<string>;

  constructor(checkId: string, entityRefs: readonly string[]) {
    this.checkId = checkId;
    this.entityRefs = entityRefs;
    this.refs = new Set(entityRefs.map(ref => ref.toLocaleLowerCase('en-US')));
  }

  /**
   * Narrows the catalog request to the failing entities' names, so the catalog
   * sends fewer entities; nothing when the list is too long to send (the
   * frontend filter then applies alone).
   */
  getCatalogQuery(): CatalogQuery {
    if (this.refs.size === 0) {
      // An empty alternative matches nothing.
      return { $any: [] };
    }
    if (this.refs.size > MAX_PUSHED_DOWN_REFS) {
      return undefined;
    }
    const names = new Set(
      this.entityRefs.map(ref => ref.slice(ref.indexOf('/') + 1)),
    );
    return { 'metadata.name': { $in: Array.from(names) } };
  }

  /**
   * Keeps an entity when its ref is among the failing ones (case-insensitive).
   */
  filterEntity(entity: Entity): boolean {
    return this.refs.has(stringifyEntityRef(entity).toLocaleLowerCase('en-US'));
  }

  /** The check id, which is what the URL keeps for this filter. */
  toQueryValue(): string {
    return this.checkId;
  }
}
