import type {
  EntitySummary,
  SearchQuery,
  SearchResponse,
} from '@prodready/plugin-readiness-common';
import type { ReadinessAuthorizer } from '../../permissions/ReadinessAuthorizer';
import type { SearchFilterParams } from '../models/parseSearchFilters';
import type { ExportFormat, SearchModel } from '../models/SearchModel';
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

  async exportBody(
    params: SearchFilterParams & Pick<SearchQuery, 'sort' | 'order'>,
    format: ExportFormat,
    { credentials }: CallerOptions,
  ): Promise<AsyncIterable<Buffer>> {
    const visible = await this.authorizer.getVisibleEntityRefs(credentials);
    return this.model.exportBody(params, format, visible);
  }

  async summaries(
    entityRefs: string[],
    { credentials }: CallerOptions,
  ): Promise<EntitySummary[]> {
    const visible = await this.authorizer.getVisibleEntityRefs(credentials);
    return this.model.summaries(entityRefs, visible);
  }
}
