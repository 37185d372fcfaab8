export { CheckResultItem } from './CheckResultItem';
export type { CheckResultItemProps, ScorecardResult } from './CheckResultItem';
