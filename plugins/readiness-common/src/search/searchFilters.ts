/*
 * The vocabulary of search by gaps (`GET /search`, `GET /export`), written
 * once. The OpenAPI spec of the backend, its request parser and actions, the
 * frontend's URL parameters and filter bar take their names from here, or a
 * test proves they agree (see searchFilters.test.ts).
 */

/**
 * Filters by check: ids of checks every match fails (`failing`), passes or
 * is exempt from (`passing`), or passes on declared evidence only, nothing
 * observed (`declaredOnly`: a claim in the catalog that no repository file
 * or live series backs).
 *
 * @public
 */
export const SEARCH_CHECK_FILTERS = [
  'failing',
  'passing',
  'declaredOnly',
] as const;

/**
 * Filters by catalog field: any of the values matches.
 *
 * @public
 */
export const SEARCH_CATALOG_FILTERS = [
  'owner',
  'system',
  'domain',
  'kind',
  'type',
  'lifecycle',
  'tier',
] as const;

/**
 * The list-valued filters of a search, in the order the API lists them; each
 * is a repeatable and/or comma-separated query parameter.
 *
 * @public
 */
export const SEARCH_LIST_FILTERS = [
  ...SEARCH_CHECK_FILTERS,
  ...SEARCH_CATALOG_FILTERS,
] as const;

/**
 * The single-valued filters of a search: level bounds, free text, and
 * `belowTarget` (`true`: below the target level of the entity's tier).
 *
 * @public
 */
export const SEARCH_VALUE_FILTERS = [
  'levelAtMost',
  'levelAtLeast',
  'text',
  'belowTarget',
] as const;

/**
 * Every filter of a search, list-valued first.
 *
 * @public
 */
export const SEARCH_FILTERS = [
  ...SEARCH_LIST_FILTERS,
  ...SEARCH_VALUE_FILTERS,
] as const;

/**
 * The fields a search can be sorted by.
 *
 * @public
 */
export const SEARCH_SORTS = [
  'score',
  'name',
  'level',
  'gaps',
  'owner',
  'targetGap',
] as const;

/**
 * The sort orders of a search.
 *
 * @public
 */
export const SEARCH_ORDERS = ['asc', 'desc'] as const;

/**
 * A filter by check.
 *
 * @public
 */
export type SearchCheckFilter = (typeof SEARCH_CHECK_FILTERS)[number];

/**
 * A filter by catalog field.
 *
 * @public
 */
export type SearchCatalogFilter = (typeof SEARCH_CATALOG_FILTERS)[number];

/**
 * A list-valued filter of a search.
 *
 * @public
 */
export type SearchListFilter = (typeof SEARCH_LIST_FILTERS)[number];

/**
 * A single-valued filter of a search.
 *
 * @public
 */
export type SearchValueFilter = (typeof SEARCH_VALUE_FILTERS)[number];

/**
 * Any filter of a search.
 *
 * @public
 */
export type SearchFilter = (typeof SEARCH_FILTERS)[number];

/**
 * A field a search can be sorted by.
 *
 * @public
 */
export type SearchSort = (typeof SEARCH_SORTS)[number];

/**
 * A sort order.
 *
 * @public
 */
export type SearchOrder = (typeof SEARCH_ORDERS)[number];

/**
 * The filters of a search: list filters as arrays, value filters as strings.
 *
 * @public
 */
export type SearchFilters = { [K in SearchListFilter]?: string[] } & {
  [K in SearchValueFilter]?: string;
};
