export { GapSearch } from './GapSearch';
export type { GapSearchProps } from './GapSearch';
