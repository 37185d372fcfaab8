import type {
  EntitySummary,
  SearchQuery,
  SearchResponse,
} from '@prodready/plugin-readiness-common';
import type { SearchFilterParams } from '../models/parseSearchFilters';
import type { ExportFormat } from '../models/SearchModel';
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
   * Every match of a search as a CSV or JSON body, chunk by chunk; bad
   * filters are refused before the first chunk.
   */
  exportBody(
    params: SearchFilterParams & Pick<SearchQuery, 'sort' | 'order'>,
    format: ExportFormat,
    options: CallerOptions,
  ): Promise<AsyncIterable<Buffer>>;

  /** Summaries of those of the given entities that are scored and visible. */
  summaries(
    entityRefs: string[],
    options: CallerOptions,
  ): Promise<EntitySummary[]>;
}
