import type {
  EntitySummary,
  ExportRow,
  SearchQuery,
  SearchResponse,
} from '@prodready/plugin-readiness-common';
import type { ReadinessAuthorizer } from '../../permissions/ReadinessAuthorizer';
import type { SearchFilterParams } from '../models/parseSearchFilters';
import type { SearchModel } from '../models/SearchModel';
import type { CallerOptions } from './CallerOptions';
import type { SearchService } from './SearchService';

/**
 * {@link SearchService} over the entities the caller may read in the
 * catalog.
 *
 * @internal
 */
export class AuthorizedSearchService implements SearchService {
  constructor(
    private readonly model: SearchModel,
    private readonly authorizer: ReadinessAuthorizer,
  ) {}

  async search(
    query: SearchQuery,
    { credentials }: CallerOptions,
  ): Promise<SearchResponse> {
    const visible = await this.authorizer.getVisibleEntityRefs(credentials);
    return this.model.search(query, visible);
  }

  async exportPages(
    params: SearchFilterParams & Pick<SearchQuery, 'sort' | 'order'>,
    { credentials }: CallerOptions,
  ): Promise<AsyncIterable<ExportRow[]>> {
    const visible = await this.authorizer.getVisibleEntityRefs(credentials);
    return this.model.exportPages(params, visible);
  }

  async summaries(
    entityRefs: string[],
    { credentials }: CallerOptions,
  ): Promise<EntitySummary[]> {
    const visible = await this.authorizer.getVisibleEntityRefs(credentials);
    return this.model.summaries(entityRefs, visible);
  }
}
