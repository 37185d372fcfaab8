import type {
  EntitySummary,
  ExportRow,
  SearchQuery,
  SearchResponse,
} from '@prodready/plugin-readiness-common';
import type { SearchFilterParams } from '../models/parseSearchFilters';
import type { CallerOptions } from './CallerOptions';

/**
 * Search by gaps, export and summaries over the entities the caller may
 * read. Implemented by {@link AuthorizedSearchService}.
 *
 * @internal
 */
export interface SearchService {
  /** One page of a search, with the total count and the next cursor. */
  search(query: SearchQuery, options: CallerOptions): Promise<SearchResponse>;

  /**
   * Every match of a search, page by page; bad filters are refused before
   * the first page.
   */
  exportPages(
    params: SearchFilterParams & Pick<SearchQuery, 'sort' | 'order'>,
    options: CallerOptions,
  ): Promise<AsyncIterable<ExportRow[]>>;

  /** Summaries of those of the given entities that are scored and visible. */
  summaries(
    entityRefs: string[],
    options: CallerOptions,
  ): Promise<EntitySummary[]>;
}
