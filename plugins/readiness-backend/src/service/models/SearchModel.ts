import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import type {
  EntitySummary,
  SearchQuery,
  SearchResponse,
} from '@prodready/plugin-readiness-common';
import type {
  ReadinessStore,
  StoreSearchAfter,
  StoreSortField,
  VisibleEntityRefs,
} from '../../database/ReadinessStore';
import type { PackIndex } from '../../scoring/PackIndex';
import {
  decodeSearchCursor,
  encodeSearchCursor,
  parseSearchFilters,
  type SearchFilterParams,
} from './parseSearchFilters';

/** Page size used while streaming an export. */
const EXPORT_PAGE_SIZE = 500;

/**
 * Search by gaps, summaries and export over the stored scores.
 *
 * @public
 */
export class SearchModel {
  constructor(
    private readonly store: ReadinessStore,
    private readonly pack: PackIndex,
  ) {}

  /** One page of a search, with the total count and the next cursor. */
  async search(
    query: SearchQuery,
    visibleEntityRefs: VisibleEntityRefs,
  ): Promise<SearchResponse> {
    const filters = {
      ...parseSearchFilters(query, this.pack),
      visibleEntityRefs,
    };
    const sort: StoreSortField = query.sort ?? 'name';
    const order = query.order ?? 'asc';
    const limit = query.limit ?? 25;
    const after = query.cursor
      ? decodeSearchCursor(query.cursor, sort, order)
      : undefined;
    const [page, totalCount] = await Promise.all([
      this.store.search({ ...filters, sort, order, limit, after }),
      this.store.countSearch(filters),
    ]);
    return {
      items: page.items,
      totalCount,
      nextCursor: page.next
        ? encodeSearchCursor(sort, order, page.next)
        : undefined,
    };
  }

  /**
   * Every match of a search, page by page (validation errors are thrown
   * before the first page is produced).
   */
  async exportPages(
    params: SearchFilterParams & Pick<SearchQuery, 'sort' | 'order'>,
    visibleEntityRefs: VisibleEntityRefs,
  ): Promise<AsyncIterable<EntitySummary[]>> {
    const filters = {
      ...parseSearchFilters(params, this.pack),
      visibleEntityRefs,
    };
    const sort: StoreSortField = params.sort ?? 'name';
    const order = params.order ?? 'asc';
    const store = this.store;
    return {
      async *[Symbol.asyncIterator]() {
        let after: StoreSearchAfter | undefined;
        do {
          const page = await store.search({
            ...filters,
            sort,
            order,
            limit: EXPORT_PAGE_SIZE,
            after,
          });
          if (page.items.length > 0) {
            yield page.items;
          }
          after = page.next;
        } while (after);
      },
    };
  }

  /** Summaries of the given entities that are scored and visible. */
  async summaries(
    entityRefs: string[],
    visibleEntityRefs: VisibleEntityRefs,
  ): Promise<EntitySummary[]> {
    const refs = entityRefs.map(ref => {
      try {
        return stringifyEntityRef(parseEntityRef(ref));
      } catch (error) {
        throw new InputError(
          `Invalid entityRefs '${ref}': ${(error as Error).message}`,
        );
      }
    });
    return this.store.listSummaries([...new Set(refs)], visibleEntityRefs);
  }
}
