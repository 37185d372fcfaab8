export { TargetText } from './TargetText';
export type { TargetTextProps } from './TargetText';
export { targetLabel } from './targetLabel';
