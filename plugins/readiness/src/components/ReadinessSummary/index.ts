export { ReadinessSummary } from './ReadinessSummary';
export type { ReadinessSummaryProps } from './ReadinessSummary';
