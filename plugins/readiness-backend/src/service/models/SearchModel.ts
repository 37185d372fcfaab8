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
import { ExpiringCache } from '../../lib/ExpiringCache';
import { parseEntityRefParam } from '../../lib/parseEntityRefParam';
import { visibilityKey } from '../../lib/visibilityKey';
import type { PackIndex } from '../../pack/PackIndex';
import {
  decodeSearchCursor,
  encodeSearchCursor,
  parseSearchFilters,
  type SearchFilterParams,
} from './parseSearchFilters';

/** Page size used while streaming an export. */
const EXPORT_PAGE_SIZE = 500;

/**
 * Options of {@link SearchModel}.
 *
 * @internal
 */
export interface SearchModelOptions {
  store: ReadinessStore;
  pack: PackIndex;
  /** How long a total count is reused (also dropped on every write). */
  cacheTtlMs: number;
}

/**
 * Search by gaps, summaries and export over the stored scores. Pages are
 * read on every request; the total count of a filter set is cached per
 * visibility for `cacheTtlMs` or until the next write, so paging through a
 * result set counts it once.
 *
 * @internal
 */
export class SearchModel {
  private readonly store: ReadinessStore;
  private readonly pack: PackIndex;
  readonly #counts: ExpiringCache<number>;

  constructor(options: SearchModelOptions) {
    this.store = options.store;
    this.pack = options.pack;
    this.#counts = new ExpiringCache({
      ttlMs: options.cacheTtlMs,
      maxEntries: 1000,
    });
  }

  /** Drops cached counts. */
  invalidate(): void {
    this.#counts.clear();
  }

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
    const { visibleEntityRefs: _visible, ...countKey } = filters;
    const [page, totalCount] = await Promise.all([
      this.store.search({ ...filters, sort, order, limit, after }),
      this.#counts.get(
        `${visibilityKey(visibleEntityRefs)}:${JSON.stringify(countKey)}`,
        () => this.store.countSearch(filters),
      ),
    ]);
    let items = page.items;
    if (query.include?.includes('failing')) {
      const failing = await this.store.listFailingCheckIds(
        items.map(item => item.entityRef),
      );
      items = items.map(item => ({
        ...item,
        failingCheckIds: failing.get(item.entityRef) ?? [],
      }));
    }
    return {
      items,
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
    const refs = entityRefs.map(ref => parseEntityRefParam('entityRefs', ref));
    return this.store.listSummaries([...new Set(refs)], visibleEntityRefs);
  }
}
