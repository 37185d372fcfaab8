export { ReadinessHistory } from './ReadinessHistory';
export type { ReadinessHistoryProps } from './ReadinessHistory';
