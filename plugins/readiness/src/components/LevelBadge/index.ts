export { LevelBadge } from './LevelBadge';
export type { LevelBadgeProps } from './LevelBadge';
export { levelTitle } from './levelColors';
