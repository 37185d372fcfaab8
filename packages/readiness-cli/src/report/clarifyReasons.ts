import type { Entity } from '@backstage/catalog-model';
import {
  EntityScorecard,
  readEntityTier,
} from '@prodready/plugin-readiness-common';

/** The default pack's check of a declared tier and lifecycle. */
const TIER_CHECK = 'ownership.tier';

function tierReason(entity: Entity): string | undefined {
  const tier = readEntityTier(entity);
  const lifecycle = (entity.spec as { lifecycle?: unknown } | undefined)
    ?.lifecycle;
  const hasLifecycle = typeof lifecycle === 'string' && lifecycle !== '';
  if (!tier && !hasLifecycle) {
    return 'No tier (annotation, label or tier-N tag) and no spec.lifecycle';
  }
  if (!tier) {
    return `No tier (annotation, label or tier-N tag); spec.lifecycle is ${lifecycle}`;
  }
  if (!hasLifecycle) {
    return `No spec.lifecycle; the tier is ${tier}`;
  }
  return undefined;
}

/**
 * Makes reasons the pack words for several causes say which one applies:
 * `ownership.tier` fails with "no tier", "no lifecycle" or both, instead of
 * "no tier or no lifecycle". Other results are returned unchanged.
 *
 * @public
 */
export function clarifyReasons(
  entity: Entity,
  scorecard: EntityScorecard,
): EntityScorecard {
  const results = scorecard.results.map(result => {
    if (result.checkId !== TIER_CHECK || result.state !== 'fail') {
      return result;
    }
    const reason = tierReason(entity);
    return reason ? { ...result, reason } : result;
  });
  return { ...scorecard, results };
}
