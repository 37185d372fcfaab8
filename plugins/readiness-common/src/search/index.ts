export {
  SEARCH_CHECK_FILTERS,
  SEARCH_CATALOG_FILTERS,
  SEARCH_LIST_FILTERS,
  SEARCH_VALUE_FILTERS,
  SEARCH_FILTERS,
  SEARCH_SORTS,
  SEARCH_ORDERS,
} from './searchFilters';
export type {
  SearchCheckFilter,
  SearchCatalogFilter,
  SearchListFilter,
  SearchValueFilter,
  SearchFilter,
  SearchSort,
  SearchOrder,
  SearchFilters,
} from './searchFilters';
export { EXPORT_CSV_COLUMNS } from './exportColumns';
export type { ExportRow } from './exportColumns';
export {
  SEARCH_QUERY_KEYS,
  searchQueryFromParams,
  searchQueryToParams,
} from './searchQueryParams';
export { CHECK_SYNONYMS } from './CHECK_SYNONYMS';
export { checksNamedIn } from './checksNamedIn';
export type { ChecksNamedInText } from './checksNamedIn';
