import {
  RELATION_API_CONSUMED_BY,
  RELATION_DEPENDENCY_OF,
  stringifyEntityRef,
  type Entity,
} from '@backstage/catalog-model';

/**
 * Most dependents asked to be rescored after one write: a widely used
 * dependency whose level moves does not queue the whole catalog at once
 * (the full run covers the rest).
 */
export const MAX_DEPENDENTS_PER_WRITE = 500;

/**
 * The entities to rescore because an entity they depend on moved: of the
 * entities just scored, those in `moved` (level changed, or scored for the
 * first time), and of each its catalog's reverse relations `dependencyOf`
 * (others' `dependsOn`) and `apiConsumedBy` (others' `consumesApis`), the
 * relations the dependency check reads. Sorted, without duplicates, at most
 * `max`; the moved entities themselves are included when they depend on
 * each other (their facts were collected before this write).
 *
 * @internal
 */
export function dependentsToRescore(
  scored: ReadonlyArray<Entity>,
  moved: ReadonlySet<string>,
  max: number = MAX_DEPENDENTS_PER_WRITE,
): string[] {
  if (moved.size === 0) {
    return [];
  }
  const dependents = new Set<string>();
  for (const entity of scored) {
    if (!moved.has(stringifyEntityRef(entity))) {
      continue;
    }
    for (const relation of entity.relations ?? []) {
      if (
        relation.type === RELATION_DEPENDENCY_OF ||
        relation.type === RELATION_API_CONSUMED_BY
      ) {
        dependents.add(relation.targetRef);
      }
    }
  }
  return [...dependents].sort().slice(0, max);
}
