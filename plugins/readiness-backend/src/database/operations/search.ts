import type { Knex } from 'knex';
import {
  SEARCH_CATALOG_FILTERS,
  SearchCatalogFilter,
} from '@prodready/plugin-readiness-common';
import {
  PASSING_STATES,
  StoreSearchFilters,
  StoreSearchPage,
  StoreSearchQuery,
  StoreSortField,
} from '../ReadinessStore';
import { SUMMARY_COLUMNS, SummaryRow, toSummary } from '../rows';
import {
  applyVisibility,
  escapeLike,
  LIKE_ESCAPE,
  OBSERVED_EVIDENCE,
} from '../sql';
import { targetGapSql } from './targetGapSql';
import { GAP_STATES } from '@prodready/plugin-readiness-common';

const SORT_COLUMNS: Record<Exclude<StoreSortField, 'targetGap'>, string> = {
  score: 'score',
  name: 'name',
  level: 'level_rank',
  gaps: 'gaps',
  owner: 'owner',
};

/** Alias of the computed sort value of the `targetGap` sort. */
const TARGET_GAP = 'target_gap';

/**
 * The catalog filters matched against their column as stored (`kind` is
 * compared case-insensitively).
 */
const EXACT_FILTERS = SEARCH_CATALOG_FILTERS.filter(
  (filter): filter is Exclude<SearchCatalogFilter, 'kind'> => filter !== 'kind',
);

/** A gap filter: a check, the states it must be in, and whether nothing observed. */
interface GapFilter {
  id: string;
  states: readonly string[];
  declaredOnly?: boolean;
}

/** The gap filters of a search: checks and the states they must be in. */
function gapFilters(filters: StoreSearchFilters): GapFilter[] {
  return [
    ...(filters.failing ?? []).map(id => ({ id, states: GAP_STATES })),
    ...(filters.passing ?? []).map(id => ({ id, states: PASSING_STATES })),
    ...(filters.declaredOnly ?? []).map(id => ({
      id,
      states: ['pass'],
      declaredOnly: true,
    })),
  ];
}

/** Narrows a `check_results` query to passes with nothing observed. */
function onlyDeclared(
  qb: Knex.QueryBuilder,
  gap: GapFilter,
  column: string,
): Knex.QueryBuilder {
  return gap.declaredOnly ? qb.whereNot(column, 'like', OBSERVED_EVIDENCE) : qb;
}

/**
 * Applies search filters to a query on `entity_scores`. Gap filters are a
 * semi-join: `in` (a set built from the gap index, best for counting) or
 * `exists` (a probe per row, best for a page read in sort-index order).
 */
function applyFilters(
  db: Knex,
  qb: Knex.QueryBuilder,
  filters: StoreSearchFilters,
  gapJoin: 'in' | 'exists',
): Knex.QueryBuilder {
  for (const gap of gapFilters(filters)) {
    if (gapJoin === 'in') {
      qb.whereIn(
        'entity_ref',
        onlyDeclared(
          db('check_results')
            .select('entity_ref')
            .where('check_id', gap.id)
            .whereIn('state', gap.states),
          gap,
          'evidence',
        ),
      );
    } else {
      qb.whereExists(
        onlyDeclared(
          db('check_results as gap')
            .select(db.raw('1'))
            .whereRaw('?? = ??', ['gap.entity_ref', 'entity_scores.entity_ref'])
            .andWhere('gap.check_id', gap.id)
            .whereIn('gap.state', gap.states),
          gap,
          'gap.evidence',
        ),
      );
    }
  }
  for (const column of EXACT_FILTERS) {
    const values = filters[column];
    if (values && values.length > 0) {
      qb.whereIn(column, values);
    }
  }
  if (filters.kind && filters.kind.length > 0) {
    const kinds = filters.kind.map(k => k.toLocaleLowerCase('en-US'));
    qb.whereRaw(`lower(??) in (${kinds.map(() => '?').join(', ')})`, [
      'kind',
      ...kinds,
    ]);
  }
  if (filters.levelRankAtMost !== undefined) {
    qb.where('level_rank', '<=', filters.levelRankAtMost);
  }
  if (filters.levelRankAtLeast !== undefined) {
    qb.where('level_rank', '>=', filters.levelRankAtLeast);
  }
  if (filters.belowTarget) {
    const gap = targetGapSql(filters.targetRanks);
    qb.whereRaw(`(${gap.sql}) > 0`, [...gap.bindings]);
  }
  if (filters.text) {
    qb.whereRaw(`?? like ? escape '${LIKE_ESCAPE}'`, [
      'search_text',
      `%${escapeLike(filters.text.toLocaleLowerCase('en-US'))}%`,
    ]);
  }
  return applyVisibility(db, qb, 'entity_ref', filters.visibleEntityRefs);
}

/** One page of a search, in keyset order. */
export async function search(
  db: Knex,
  query: StoreSearchQuery,
): Promise<StoreSearchPage> {
  const byGap = query.sort === 'targetGap';
  const gap = targetGapSql(query.targetRanks);
  // The sort value as SQL: a column, or the target gap expression.
  const sortSql = byGap ? `(${gap.sql})` : '??';
  const sortBindings = byGap
    ? [...gap.bindings]
    : [SORT_COLUMNS[query.sort as Exclude<StoreSortField, 'targetGap'>]];
  const column = byGap ? TARGET_GAP : sortBindings[0];
  const desc = query.order === 'desc';
  const qb = applyFilters(
    db,
    db('entity_scores').select([
      ...SUMMARY_COLUMNS,
      'level_rank',
      ...(byGap
        ? [db.raw(`${sortSql} as ??`, [...sortBindings, TARGET_GAP])]
        : []),
    ]),
    query,
    'exists',
  );
  const after = query.after;
  if (after) {
    const op = desc ? '<' : '>';
    qb.where(inner =>
      inner
        .whereRaw(`${sortSql} ${op} ?`, [...sortBindings, after.value])
        .orWhere(tie =>
          tie
            .whereRaw(`${sortSql} = ?`, [...sortBindings, after.value])
            .andWhere('entity_ref', op, after.entityRef),
        ),
    );
  }
  const rows: Array<SummaryRow & { level_rank: number }> = await qb
    .orderByRaw(`${sortSql} ${desc ? 'desc' : 'asc'}`, sortBindings)
    .orderBy('entity_ref', query.order)
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  const valueOf = (row: SummaryRow & { level_rank: number }) => {
    const value = (row as unknown as Record<string, unknown>)[column];
    if (byGap) {
      return Number(value);
    }
    return typeof value === 'number' ? value : String(value ?? '');
  };
  return {
    items: page.map(toSummary),
    next:
      rows.length > query.limit && last
        ? { value: valueOf(last), entityRef: last.entity_ref }
        : undefined,
  };
}

/** Number of entities matching the filters. */
export async function countSearch(
  db: Knex,
  filters: StoreSearchFilters,
): Promise<number> {
  const gaps = gapFilters(filters);
  const onlyOneGap =
    gaps.length === 1 &&
    !filters.visibleEntityRefs &&
    !filters.text &&
    filters.levelRankAtMost === undefined &&
    filters.levelRankAtLeast === undefined &&
    !filters.belowTarget &&
    SEARCH_CATALOG_FILTERS.every(key => !filters[key]?.length);
  // Every result row belongs to a scored entity: count on the gap index.
  const row = onlyOneGap
    ? await onlyDeclared(
        db('check_results')
          .count({ n: '*' })
          .where('check_id', gaps[0].id)
          .whereIn('state', gaps[0].states),
        gaps[0],
        'evidence',
      ).first()
    : await applyFilters(
        db,
        db('entity_scores').count({ n: '*' }),
        filters,
        'in',
      ).first();
  return Number((row as { n?: number | string } | undefined)?.n ?? 0);
}
