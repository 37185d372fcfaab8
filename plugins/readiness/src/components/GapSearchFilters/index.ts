export { GapSearchFilters, refLabel } from './GapSearchFilters';
export type {
  GapSearchFiltersProps,
  GapSearchListFilter,
} from './GapSearchFilters';
