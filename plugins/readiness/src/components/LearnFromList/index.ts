export { LearnFromList } from './LearnFromList';
export type { LearnFromListProps } from './LearnFromList';
