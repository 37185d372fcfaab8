import {
  SEARCH_LIST_FILTERS,
  SEARCH_ORDERS,
  SEARCH_SORTS,
  SEARCH_VALUE_FILTERS,
} from './searchFilters';
import type { SearchQuery } from '../types/api';

/** The single-valued string parameters of a search: value filters and the cursor. */
const STRING_KEYS = [...SEARCH_VALUE_FILTERS, 'cursor'] as const;

/**
 * The names of every query parameter a search understands.
 *
 * @public
 */
export const SEARCH_QUERY_KEYS: readonly string[] = [
  ...SEARCH_LIST_FILTERS,
  ...STRING_KEYS,
  'sort',
  'order',
  'limit',
  'include',
];

/**
 * Writes a search query as URL parameters, the way `GET /search` and
 * `GET /export` read them: list filters as repeated parameters
 * (`failing=a&failing=b`), empty values left out. The frontend keeps its
 * page state in the URL this way too.
 *
 * @public
 */
export function searchQueryToParams(query: SearchQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of SEARCH_LIST_FILTERS) {
    for (const value of query[key] ?? []) {
      if (value.trim()) {
        params.append(key, value.trim());
      }
    }
  }
  for (const key of STRING_KEYS) {
    const value = query[key];
    if (value?.trim()) {
      params.set(key, value.trim());
    }
  }
  if (query.sort) {
    params.set('sort', query.sort);
  }
  if (query.order) {
    params.set('order', query.order);
  }
  if (query.limit !== undefined) {
    params.set('limit', String(query.limit));
  }
  for (const value of query.include ?? []) {
    params.append('include', value);
  }
  return params;
}

/**
 * Reads a search query from URL parameters, accepting both repeated and
 * comma-separated list values. Unknown parameters and invalid values of
 * `sort`, `order` and `limit` are ignored.
 *
 * @public
 */
export function searchQueryFromParams(params: URLSearchParams): SearchQuery {
  const query: SearchQuery = {};
  for (const key of SEARCH_LIST_FILTERS) {
    const values = params
      .getAll(key)
      .flatMap(value => value.split(','))
      .map(value => value.trim())
      .filter(Boolean);
    if (values.length) {
      query[key] = values;
    }
  }
  for (const key of STRING_KEYS) {
    const value = params.get(key)?.trim();
    if (value) {
      query[key] = value;
    }
  }
  const sort = params.get('sort');
  const matchedSort = SEARCH_SORTS.find(s => s === sort);
  if (matchedSort) {
    query.sort = matchedSort;
  }
  const order = params.get('order');
  const matchedOrder = SEARCH_ORDERS.find(o => o === order);
  if (matchedOrder) {
    query.order = matchedOrder;
  }
  const limit = Number(params.get('limit'));
  if (params.has('limit') && Number.isInteger(limit) && limit > 0) {
    query.limit = limit;
  }
  const asked = new Set(
    params
      .getAll('include')
      .flatMap(value => value.split(','))
      .map(value => value.trim()),
  );
  const include = (['failing', 'declaredOnly'] as const).filter(value =>
    asked.has(value),
  );
  if (include.length) {
    query.include = include;
  }
  return query;
}
