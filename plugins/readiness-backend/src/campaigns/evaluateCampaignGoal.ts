import {
  GAP_STATES,
  type CampaignGoal,
  type CheckState,
  type EntitySummary,
} from '@prodready/plugin-readiness-common';
import type { PackIndex } from '../pack/PackIndex';

/**
 * Whether one entity meets a campaign's goal, and what it still misses.
 *
 * @internal
 */
export interface CampaignGoalEvaluation {
  done: boolean;
  missingCheckIds: string[];
}

/** States that meet a checks goal: passing, exempt, or not for this entity. */
const MEETS_CHECK: ReadonlySet<CheckState> = new Set<CheckState>([
  'pass',
  'exempt',
  'not-applicable',
]);

/** States that hold an entity below a level (as the engine counts levels). */
const BLOCKS_LEVEL: ReadonlySet<CheckState> = new Set<CheckState>([
  ...GAP_STATES,
  'warn',
]);

/**
 * The checks whose states decide a goal: the goal's checks, or for a level
 * goal every check of that level and the levels below it.
 *
 * @internal
 */
export function campaignGoalCheckIds(
  goal: CampaignGoal,
  pack: PackIndex,
): string[] {
  if (goal.type === 'checks') {
    return goal.checkIds;
  }
  const rank = pack.levelRank(goal.level);
  return pack.checkIds().filter(id => {
    const info = pack.checkInfo(id);
    return info !== undefined && pack.levelRank(info.level) <= rank;
  });
}

/**
 * Evaluates a goal on an entity's stored results. A checks goal is met when
 * each check passes or is exempt (or does not apply to the entity); a check
 * that is unknown, warns or has no result yet is not met: a campaign counts
 * only what is proven. A level goal is met at that level or above; it
 * misses the failing (or warning) checks of the levels up to it.
 *
 * @internal
 */
export function evaluateCampaignGoal(
  goal: CampaignGoal,
  entity: Pick<EntitySummary, 'level'>,
  states: ReadonlyMap<string, CheckState> | undefined,
  pack: PackIndex,
): CampaignGoalEvaluation {
  const stateOf = (id: string) => states?.get(id);
  if (goal.type === 'checks') {
    const missingCheckIds = goal.checkIds.filter(id => {
      const state = stateOf(id);
      return state === undefined || !MEETS_CHECK.has(state);
    });
    return { done: missingCheckIds.length === 0, missingCheckIds };
  }
  if (pack.levelRank(entity.level) >= pack.levelRank(goal.level)) {
    return { done: true, missingCheckIds: [] };
  }
  return {
    done: false,
    missingCheckIds: campaignGoalCheckIds(goal, pack).filter(id => {
      const state = stateOf(id);
      return state !== undefined && BLOCKS_LEVEL.has(state);
    }),
  };
}
