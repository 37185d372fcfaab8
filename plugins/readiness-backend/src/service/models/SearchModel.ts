import {
  EXPORT_CSV_COLUMNS,
  type EntitySummary,
  type ExportRow,
  type SearchQuery,
  type SearchResponse,
  type TeamContact,
} from '@prodready/plugin-readiness-common';
import type {
  ReadinessStore,
  StoreSearchAfter,
  StoreSortField,
  VisibleEntityRefs,
} from '../../database/ReadinessStore';
import { ExpiringCache } from '../../lib/ExpiringCache';
import type { ScoresVersionWatch } from '../../lib/ScoresVersionWatch';
import { parseEntityRefParam } from '../../lib/parseEntityRefParam';
import { visibilityKey } from '../../lib/visibilityKey';
import type { PackIndex } from '../../pack/PackIndex';
import { toCsvRow } from '../toCsvRow';
import { ExportBodyCache } from './ExportBodyCache';
import {
  decodeSearchCursor,
  encodeSearchCursor,
  parseSearchFilters,
  type SearchFilterParams,
} from './parseSearchFilters';

/**
 * A page of summaries with failing check ids, checks passed on declared
 * evidence only, and owner contacts.
 */
async function withFailingAndContacts(
  store: ReadinessStore,
  pack: PackIndex,
  summaries: EntitySummary[],
): Promise<ExportRow[]> {
  const items = summaries.map(item => pack.withTarget(item));
  const owners = [
    ...new Set(items.flatMap(item => (item.owner ? [item.owner] : []))),
  ];
  const refs = items.map(item => item.entityRef);
  const [failing, declaredOnly, contacts] = await Promise.all([
    store.listFailingCheckIds(refs),
    store.listDeclaredOnlyCheckIds(refs),
    owners.length > 0
      ? store.getOwners(owners)
      : new Map<string, TeamContact>(),
  ]);
  return items.map(item => {
    const owner = item.owner ? contacts.get(item.owner) : undefined;
    const labels = owner?.contacts.map(c => c.label) ?? [];
    const failingCheckIds = failing.get(item.entityRef) ?? [];
    return {
      ...item,
      failingCheckIds,
      targetBlockingCheckIds: item.target
        ? pack.targetGap(
            {
              tier: item.tier,
              level: item.level,
            },
            failingCheckIds.map(checkId => ({ checkId, state: 'fail' })),
          )?.blockingCheckIds
        : undefined,
      declaredOnlyCheckIds: declaredOnly.get(item.entityRef) ?? [],
      ownerContacts: labels.length > 0 ? labels.join('; ') : undefined,
    };
  });
}

/** Page size used while streaming an export. */
const EXPORT_PAGE_SIZE = 500;
/**
 * Bytes of export bodies kept for repeated exports (a CSV of 10,000 entities
 * is about 2 MB, its JSON about 4 MB).
 */
const EXPORT_CACHE_BYTES = 32 * 1024 * 1024;

/** Search pages kept (each a few kilobytes). */
const SEARCH_CACHE_PAGES = 500;

/** Formats of an export. */
export type ExportFormat = 'csv' | 'json';

/** An export's body, page by page. */
async function* formatExport(
  format: ExportFormat,
  pages: AsyncIterable<ExportRow[]>,
): AsyncGenerator<string> {
  if (format === 'json') {
    let first = true;
    yield '[';
    for await (const items of pages) {
      let text = '';
      // Owner contacts are a CSV convenience for outreach lists; the JSON
      // keeps the summary's shape plus the failing check ids.
      for (const { ownerContacts: _contacts, ...item } of items) {
        text += `${first ? '' : ','}\n${JSON.stringify(item)}`;
        first = false;
      }
      yield text;
    }
    yield first ? ']' : '\n]\n';
    return;
  }
  yield toCsvRow(EXPORT_CSV_COLUMNS);
  for await (const items of pages) {
    yield items
      .map(item =>
        toCsvRow(
          EXPORT_CSV_COLUMNS.map(column => {
            const value = item[column];
            return Array.isArray(value) ? value.join(' ') : value;
          }),
        ),
      )
      .join('');
  }
}

/**
 * Options of {@link SearchModel}.
 *
 * @internal
 */
export interface SearchModelOptions {
  store: ReadinessStore;
  pack: PackIndex;
  /** The scores version cached pages, counts and export bodies are keyed by. */
  scoresVersion: ScoresVersionWatch;
  /**
   * How long a page or count is kept at most (it is stale as soon as the
   * scores version changes).
   */
  cacheTtlMs: number;
}

/**
 * Search by gaps, summaries and export over the stored scores. Pages, the
 * total count of a filter set (so paging through a result set counts it
 * once) and export bodies are cached per visibility and scores version: a
 * write of scores or exemptions by any replica bumps the version in the
 * database, so no replica serves them from older scores (see
 * {@link ScoresVersionWatch}).
 *
 * @internal
 */
export class SearchModel {
  private readonly store: ReadinessStore;
  private readonly pack: PackIndex;
  private readonly scoresVersion: ScoresVersionWatch;
  readonly #counts: ExpiringCache<number>;
  readonly #exports = new ExportBodyCache(EXPORT_CACHE_BYTES);
  readonly #pages: ExpiringCache<SearchResponse>;

  constructor(options: SearchModelOptions) {
    this.store = options.store;
    this.pack = options.pack;
    this.scoresVersion = options.scoresVersion;
    this.#counts = new ExpiringCache({
      ttlMs: options.cacheTtlMs,
      maxEntries: 1000,
    });
    this.#pages = new ExpiringCache({
      ttlMs: options.cacheTtlMs,
      maxEntries: SEARCH_CACHE_PAGES,
    });
  }

  /** Drops cached counts and pages (after a write by this process). */
  invalidate(): void {
    this.scoresVersion.invalidate();
    this.#counts.clear();
    this.#pages.clear();
  }

  /**
   * One page of a search, with the total count and the next cursor. The
   * same page at the same scores version (any replica's write of scores
   * changes it) is answered from memory.
   */
  async search(
    query: SearchQuery,
    visibleEntityRefs: VisibleEntityRefs,
  ): Promise<SearchResponse> {
    const version = await this.scoresVersion.current();
    return this.#pages.get(
      `${version}:${visibilityKey(visibleEntityRefs)}:${JSON.stringify(query)}`,
      () => this.computeSearch(query, visibleEntityRefs, version),
    );
  }

  private async computeSearch(
    query: SearchQuery,
    visibleEntityRefs: VisibleEntityRefs,
    version: number,
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
        `${version}:${visibilityKey(visibleEntityRefs)}:${JSON.stringify(
          countKey,
        )}`,
        () => this.store.countSearch(filters),
      ),
    ]);
    let items = page.items.map(item => this.pack.withTarget(item));
    const refs = items.map(item => item.entityRef);
    const [failing, declaredOnly] = await Promise.all([
      query.include?.includes('failing')
        ? this.store.listFailingCheckIds(refs)
        : undefined,
      query.include?.includes('declaredOnly')
        ? this.store.listDeclaredOnlyCheckIds(refs)
        : undefined,
    ]);
    if (failing || declaredOnly) {
      items = items.map(item => ({
        ...item,
        ...(failing
          ? { failingCheckIds: failing.get(item.entityRef) ?? [] }
          : {}),
        ...(declaredOnly
          ? { declaredOnlyCheckIds: declaredOnly.get(item.entityRef) ?? [] }
          : {}),
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
   * Every match of a search, page by page, with its failing check ids and
   * its owner's contacts (validation errors are thrown before the first page
   * is produced).
   */
  async exportPages(
    params: SearchFilterParams & Pick<SearchQuery, 'sort' | 'order'>,
    visibleEntityRefs: VisibleEntityRefs,
  ): Promise<AsyncIterable<ExportRow[]>> {
    const filters = {
      ...parseSearchFilters(params, this.pack),
      visibleEntityRefs,
    };
    const sort: StoreSortField = params.sort ?? 'name';
    const order = params.order ?? 'asc';
    const { store, pack } = this;
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
            yield await withFailingAndContacts(store, pack, page.items);
          }
          after = page.next;
        } while (after);
      },
    };
  }

  /**
   * The body of an export (CSV or JSON), chunk by chunk as it is produced.
   * Validation errors are thrown before anything is produced. The body of the
   * same export at the same scores version (any replica's write of scores
   * changes it) is sent from memory without reading the store again.
   */
  async exportBody(
    params: SearchFilterParams & Pick<SearchQuery, 'sort' | 'order'>,
    format: ExportFormat,
    visibleEntityRefs: VisibleEntityRefs,
  ): Promise<AsyncIterable<Buffer>> {
    const pages = await this.exportPages(params, visibleEntityRefs);
    const version = await this.scoresVersion.current();
    const { visibleEntityRefs: _visible, ...filters } = {
      ...parseSearchFilters(params, this.pack),
      sort: params.sort ?? 'name',
      order: params.order ?? 'asc',
      visibleEntityRefs,
    };
    const key = `${format}:${visibilityKey(visibleEntityRefs)}:${JSON.stringify(
      filters,
    )}`;
    return this.#exports.body(key, version, () => formatExport(format, pages));
  }

  /** Summaries of the given entities that are scored and visible. */
  async summaries(
    entityRefs: string[],
    visibleEntityRefs: VisibleEntityRefs,
  ): Promise<EntitySummary[]> {
    const refs = entityRefs.map(ref => parseEntityRefParam('entityRefs', ref));
    const summaries = await this.store.listSummaries(
      [...new Set(refs)],
      visibleEntityRefs,
    );
    return summaries.map(summary => this.pack.withTarget(summary));
  }
}
