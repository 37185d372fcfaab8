import {
  SEARCH_QUERY_KEYS,
  searchQueryFromParams,
  searchQueryToParams,
  type SearchQuery,
} from '@prodready/plugin-readiness-common';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

/**
 * A search query kept in the page URL, so that a filtered view can be shared
 * as a link. Other URL parameters are left alone.
 *
 * @public
 */
export function useSearchQueryState(): [
  SearchQuery,
  (query: SearchQuery) => void,
] {
  const [searchParams, setSearchParams] = useSearchParams();
  const serialized = searchParams.toString();
  const query = useMemo(
    () => searchQueryFromParams(new URLSearchParams(serialized)),
    [serialized],
  );
  const setQuery = useCallback(
    (next: SearchQuery) => {
      setSearchParams(
        current => {
          const params = new URLSearchParams(current);
          SEARCH_QUERY_KEYS.forEach(key => params.delete(key));
          searchQueryToParams(next).forEach((value, key) =>
            params.append(key, value),
          );
          return params;
        },
        { replace: true },
      );
    },
    [setSearchParams],
  );
  return [query, setQuery];
}
