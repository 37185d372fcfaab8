export type { TargetGap } from './TargetGap';
export {
  computeTargetGap,
  type TargetPackView,
  type TargetSubject,
} from './computeTargetGap';
export {
  readTargetsByTier,
  DEFAULT_TARGETS_BY_TIER,
  TARGETS_BY_TIER_KEY,
} from './targetsByTier';
