import type {
  EntitySummary,
  LevelDefinition,
} from '@prodready/plugin-readiness-common';
import { levelTitle } from '../LevelBadge';

/**
 * An entity's target in words: `Target Gold (tier-1) — 1 level to go`, or
 * `Target Silver (tier-2) — met`; `undefined` without a target.
 *
 * @public
 */
export function targetLabel(
  entity: Pick<EntitySummary, 'target' | 'levelsToTarget' | 'tier'>,
  levels?: LevelDefinition[],
): string | undefined {
  if (!entity.target) {
    return undefined;
  }
  const togo = entity.levelsToTarget ?? 0;
  const rest =
    togo === 0 ? 'met' : `${togo} ${togo === 1 ? 'level' : 'levels'} to go`;
  const tier = entity.tier ? ` (${entity.tier})` : '';
  return `Target ${levelTitle(entity.target, levels)}${tier} — ${rest}`;
}
