import {
  RELATION_API_CONSUMED_BY,
  RELATION_DEPENDENCY_OF,
  RELATION_PART_OF,
  stringifyEntityRef,
  type Entity,
} from '@backstage/catalog-model';

/**
 * Most dependents asked to be rescored after one write: a widely used
 * dependency whose level moves does not queue the whole catalog at once
 * (the full run covers the rest).
 */
export const MAX_DEPENDENTS_PER_WRITE = 500;

/** Which of the relations that read another entity's level are followed. */
export interface DependentRelations {
  /**
   * `dependencyOf` (others' `dependsOn`) and `apiConsumedBy` (others'
   * `consumesApis`): what the dependency check reads.
   */
  dependencies: boolean;
  /**
   * `partOf`: the System or Domain whose roll-up check reads its parts'
   * levels.
   */
  wholes: boolean;
}

/**
 * The entities to rescore because an entity whose level they read moved: of
 * the entities just scored, those in `moved` (level changed, or scored for
 * the first time), and of each the targets of the followed relations.
 * Sorted, without duplicates, at most `max`; the moved entities themselves
 * are included when they read each other (their facts were collected before
 * this write).
 *
 * @internal
 */
export function dependentsToRescore(
  scored: ReadonlyArray<Entity>,
  moved: ReadonlySet<string>,
  max: number = MAX_DEPENDENTS_PER_WRITE,
  follow: DependentRelations = { dependencies: true, wholes: false },
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
      const followed =
        (follow.dependencies &&
          (relation.type === RELATION_DEPENDENCY_OF ||
            relation.type === RELATION_API_CONSUMED_BY)) ||
        (follow.wholes && relation.type === RELATION_PART_OF);
      if (followed) {
        dependents.add(relation.targetRef);
      }
    }
  }
  return [...dependents].sort().slice(0, max);
}
