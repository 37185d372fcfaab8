import type { SearchQuery } from '@prodready/plugin-readiness-common';

/** The list-valued filters of a search; each is a repeatable query parameter. */
const LIST_KEYS = [
  'failing',
  'passing',
  'owner',
  'system',
  'domain',
  'kind',
  'type',
  'lifecycle',
  'tier',
] as const;

/** The single-valued string filters of a search. */
const STRING_KEYS = ['levelAtMost', 'levelAtLeast', 'text', 'cursor'] as const;

const SORTS: ReadonlyArray<NonNullable<SearchQuery['sort']>> = [
  'score',
  'name',
  'level',
  'gaps',
  'owner',
];

/**
 * The names of every query parameter a search understands.
 *
 * @public
 */
export const SEARCH_QUERY_KEYS: readonly string[] = [
  ...LIST_KEYS,
  ...STRING_KEYS,
  'sort',
  'order',
  'limit',
];

/**
 * Writes a search query as URL parameters, the way `GET /search` and
 * `GET /export` read them: list filters as repeated parameters
 * (`failing=a&failing=b`), empty values left out.
 *
 * @public
 */
export function searchQueryToParams(query: SearchQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of LIST_KEYS) {
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
  for (const key of LIST_KEYS) {
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
  const matchedSort = SORTS.find(s => s === sort);
  if (matchedSort) {
    query.sort = matchedSort;
  }
  const order = params.get('order');
  if (order === 'asc' || order === 'desc') {
    query.order = order;
  }
  const limit = Number(params.get('limit'));
  if (params.has('limit') && Number.isInteger(limit) && limit > 0) {
    query.limit = limit;
  }
  return query;
}
