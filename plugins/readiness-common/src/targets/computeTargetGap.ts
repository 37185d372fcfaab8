import type { CheckResult } from '../types/results';
import type { TargetGap } from './TargetGap';

/**
 * What {@link computeTargetGap} needs to know of a check pack.
 *
 * @public
 */
export interface TargetPackView {
  /** Level ids, lowest first. */
  levelIds: ReadonlyArray<string>;
  /** The level id of a check; `undefined` for an unknown check. */
  checkLevel(checkId: string): string | undefined;
}

/**
 * An entity's standing as far as its target needs: tier, level reached, and
 * whether a level applies at all (see `EntityScorecard.levelApplicable`).
 *
 * @public
 */
export interface TargetSubject {
  /** The entity's tier as the pack normalises it (`tier-1`). */
  tier?: string;
  /** Id of the highest level reached; absent below the lowest. */
  level?: string;
  /** `false` when no operational check applies: no level, so no target. */
  levelApplicable?: boolean;
}

const BLOCKING_STATES: ReadonlyArray<string> = [
  'fail',
  'claimed',
  'warn',
  'unknown',
];

/**
 * The gap between an entity and the target level of its tier; `undefined`
 * when its tier has no target, when it has no tier, or when no level applies
 * to it. Levels to go count from the level reached (or from below the lowest
 * level); the blocking checks are those of the target level and below that
 * are not passing, as the engine counts them for levels. Without `results`
 * (a summary), `blockingCheckIds` is empty.
 *
 * @public
 */
export function computeTargetGap(
  pack: TargetPackView,
  targetsByTier: Readonly<Record<string, string>>,
  subject: TargetSubject,
  results?: ReadonlyArray<
    Pick<CheckResult, 'checkId' | 'state' | 'notConfigured'>
  >,
): TargetGap | undefined {
  if (!subject.tier || subject.levelApplicable === false) {
    return undefined;
  }
  const level = targetsByTier[subject.tier];
  const targetIndex = level ? pack.levelIds.indexOf(level) : -1;
  if (!level || targetIndex < 0) {
    return undefined;
  }
  const reached = subject.level ? pack.levelIds.indexOf(subject.level) : -1;
  const levelsToGo = Math.max(0, targetIndex - reached);
  const blockingCheckIds: string[] = [];
  if (levelsToGo > 0) {
    for (const result of results ?? []) {
      const checkLevel = pack.checkLevel(result.checkId);
      const index = checkLevel ? pack.levelIds.indexOf(checkLevel) : -1;
      if (
        index >= 0 &&
        index <= targetIndex &&
        BLOCKING_STATES.includes(result.state) &&
        !result.notConfigured
      ) {
        blockingCheckIds.push(result.checkId);
      }
    }
  }
  return { level, tier: subject.tier, levelsToGo, blockingCheckIds };
}
