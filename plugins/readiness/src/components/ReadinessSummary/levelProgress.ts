import {
  DEFAULT_LEVELS,
  type EntityScorecardResponse,
  type LevelDefinition,
} from '@prodready/plugin-readiness-common';

/** How far an entity is on its way to the next level. */
export interface LevelProgress {
  nextLevel: string;
  /** Checks of the next level and below that pass or are exempt. */
  done: number;
  /** `done` plus the checks blocking the next level. */
  total: number;
  /** The results blocking the next level, in the scorecard's order. */
  blockers: EntityScorecardResponse['results'];
}

/**
 * How many checks at or below the reached level are exempt rather than
 * passing: the level was reached through them (0 without a level).
 */
export function exemptedAtReachedLevel(
  scorecard: EntityScorecardResponse,
  levels: LevelDefinition[] | undefined,
): number {
  const reached = scorecard.entity.level;
  if (!reached) {
    return 0;
  }
  const order = (levels?.map(l => l.id) ?? [...DEFAULT_LEVELS]) as string[];
  const rank = order.indexOf(reached);
  return scorecard.results.filter(r => {
    const index = order.indexOf(r.check.level);
    return r.state === 'exempt' && index >= 0 && index <= rank;
  }).length;
}

/**
 * The progress towards the next level: the checks of that level and all
 * lower levels that are done, against those plus the blocking ones.
 * `undefined` at the top level.
 */
export function levelProgress(
  scorecard: EntityScorecardResponse,
  levels: LevelDefinition[] | undefined,
): LevelProgress | undefined {
  const { nextLevel, blockingCheckIds } = scorecard;
  if (!nextLevel) {
    return undefined;
  }
  const order = (levels?.map(l => l.id) ?? [...DEFAULT_LEVELS]) as string[];
  const target = order.indexOf(nextLevel);
  const blocking = new Set(blockingCheckIds);
  const blockers = scorecard.results.filter(r => blocking.has(r.checkId));
  const done = scorecard.results.filter(r => {
    const index = order.indexOf(r.check.level);
    return (
      (target < 0 || (index >= 0 && index <= target)) &&
      (r.state === 'pass' || r.state === 'exempt') &&
      !blocking.has(r.checkId)
    );
  }).length;
  return { nextLevel, done, total: done + blockers.length, blockers };
}
