/**
 * How far an entity is from the level its tier targets
 * (`readiness.targets.byTier`).
 *
 * @public
 */
export interface TargetGap {
  /** The target level id. */
  level: string;
  /** The normalised tier that set the target (`tier-1`). */
  tier: string;
  /** Levels still to reach; 0 when the target is met. */
  levelsToGo: number;
  /**
   * Checks of the target level and below that stand in the way: failing,
   * claimed, warning or unknown (an unknown that no provider can decide here
   * does not block).
   */
  blockingCheckIds: string[];
}
