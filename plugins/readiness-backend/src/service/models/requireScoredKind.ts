import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';

/**
 * Rejects an entity of a kind that is not scored (`readiness.kinds`), so an
 * exemption or a pushed fact is not stored for something no scorecard
 * shows. Kinds compare case-insensitively; without `kinds` every kind is
 * scored.
 *
 * @internal
 */
export function requireScoredKind(
  entity: Entity,
  kinds: string[] | undefined,
): void {
  const kind = entity.kind.toLocaleLowerCase('en-US');
  if (kinds && !kinds.some(k => k.toLocaleLowerCase('en-US') === kind)) {
    throw new InputError(
      `Invalid entityRef '${stringifyEntityRef(entity)}': entities of kind ${
        entity.kind
      } are not scored (scored kinds: ${kinds.join(', ')})`,
    );
  }
}
