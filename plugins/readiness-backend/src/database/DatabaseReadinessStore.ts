import { createHash, randomUUID } from 'node:crypto';
import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import type {
  CategorySummary,
  CheckResult,
  CheckState,
  Contact,
  EntitySummary,
  Evidence,
  Exemption,
  HistoryEvent,
  RunInfo,
  TeamContact,
} from '@prodready/plugin-readiness-common';
import type { Knex } from 'knex';
import {
  CreateRunOptions,
  EntityScoreWrite,
  ExemplarCandidate,
  ExemplarQuery,
  ExemptionFilter,
  OwnerCheckCounts,
  PASSING_STATES,
  ReadinessStore,
  RollupEntityRow,
  RunUpdate,
  ScoreSnapshot,
  LevelChange,
  ScoreWriteStats,
  SnapshotFilter,
  StoredEntityScore,
  StoreSearchFilters,
  StoreSearchPage,
  StoreSearchQuery,
  StoreSortField,
  VisibleEntityRefs,
} from './ReadinessStore';
import type {
  CheckHistoryRow,
  CheckResultRow,
  EntityScoreRow,
  ExemptionRow,
  OwnerRow,
  RunRow,
  ScoreSnapshotRow,
} from './tables';

const migrationsDir = resolvePackagePath(
  '@prodready/plugin-readiness-backend',
  'migrations',
);

/**
 * Rows per INSERT statement: SQLite inserts many rows as one compound SELECT,
 * limited to 500 terms; this also keeps statements under bind limits.
 */
const INSERT_CHUNK = 400;
/** Bind parameters per hand-built SQLite statement (it allows 32766). */
const MAX_BINDINGS = 30_000;
/** Rows per PostgreSQL `unnest` insert (one array parameter per column). */
const PG_ROWS_PER_STATEMENT = 5000;
/** Above this many refs, a ref list is bound as one JSON parameter instead of a list. */
const INLINE_REF_LIMIT = 200;
/** At most this many traits take part in similarity ranking. */
const MAX_SIMILARITY_TRAITS = 10;

const SUMMARY_COLUMNS = [
  'entity_ref',
  'kind',
  'namespace',
  'name',
  'title',
  'type',
  'lifecycle',
  'owner',
  'system',
  'domain',
  'tier',
  'score',
  'level',
  'gaps',
  'evaluated_at',
] as const;

const SORT_COLUMNS: Record<StoreSortField, string> = {
  score: 'score',
  name: 'name',
  level: 'level_rank',
  gaps: 'gaps',
  owner: 'owner',
};

/** Score row columns compared to decide whether a score row changed. */
const COMPARED_SCORE_COLUMNS: Array<keyof EntityScoreRow> = [
  'kind',
  'namespace',
  'name',
  'title',
  'type',
  'lifecycle',
  'owner',
  'system',
  'domain',
  'tier',
  'score',
  'level',
  'level_rank',
  'gaps',
  'next_level',
  'blocking',
  'categories',
  'traits',
  'search_text',
  'results_hash',
  'not_applicable',
];

type SummaryRow = Pick<EntityScoreRow, (typeof SUMMARY_COLUMNS)[number]>;

function opt<T>(value: T | null | undefined): T | undefined {
  return value === null || value === undefined ? undefined : value;
}

function parseJson<T>(text: string | null | undefined, fallback: T): T {
  if (!text) {
    return fallback;
  }
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    out.push(items.slice(i, i + size));
  }
  return out;
}

/**
 * The escape character of LIKE patterns. Not a backslash: MySQL reads a
 * backslash inside a string literal as an escape, so `escape '\\'` would not
 * parse there.
 */
const LIKE_ESCAPE = '!';

function escapeLike(text: string): string {
  return text.replace(/[!%_]/g, m => `${LIKE_ESCAPE}${m}`);
}

function toSummary(row: SummaryRow): EntitySummary {
  return {
    entityRef: row.entity_ref,
    kind: row.kind,
    namespace: row.namespace,
    name: row.name,
    title: opt(row.title),
    type: opt(row.type),
    lifecycle: opt(row.lifecycle),
    owner: row.owner ? row.owner : undefined,
    system: opt(row.system),
    domain: opt(row.domain),
    tier: opt(row.tier),
    score: Number(row.score),
    level: opt(row.level),
    gaps: Number(row.gaps),
    evaluatedAt: row.evaluated_at,
  };
}

function parseTraits(text: string): string[] {
  return text.split('|').filter(Boolean);
}

function formatTraits(traits: string[]): string {
  const clean = traits.map(t => t.replace(/\|/g, '')).filter(Boolean);
  return clean.length ? `|${[...new Set(clean)].join('|')}|` : '';
}

function toRunInfo(row: RunRow): RunInfo {
  return {
    id: row.id,
    trigger: row.trigger as RunInfo['trigger'],
    status: row.status as RunInfo['status'],
    startedAt: row.started_at,
    finishedAt: opt(row.finished_at),
    entitiesTotal:
      row.entities_total === null ? undefined : Number(row.entities_total),
    entitiesDone: Number(row.entities_done),
    errors: parseJson<string[]>(row.errors, []),
  };
}

function toExemption(row: ExemptionRow): Exemption {
  return {
    id: row.id,
    entityRef: row.entity_ref,
    checkId: row.check_id,
    reason: row.reason,
    author: row.author,
    createdAt: row.created_at,
    expiresAt: opt(row.expires_at),
  };
}

function toSnapshot(row: ScoreSnapshotRow): ScoreSnapshot {
  return {
    entityRef: row.entity_ref,
    day: row.day,
    score: row.score === null ? undefined : Number(row.score),
    level: opt(row.level),
  };
}

/**
 * A digest of everything stored per result, so equal digests mean no result
 * row would change.
 */
function resultsHash(results: CheckResult[]): string {
  return createHash('sha1')
    .update(
      JSON.stringify(
        results.map(r => [
          r.checkId,
          r.state,
          r.reason,
          r.evidence ?? [],
          r.exemption?.id ?? null,
        ]),
      ),
    )
    .digest('hex');
}

function toScoreRow(item: EntityScoreWrite, nowIso: string): EntityScoreRow {
  const s = item.summary;
  const notApplicable: Record<string, string> = {};
  for (const result of item.results) {
    if (result.state === 'not-applicable') {
      notApplicable[result.checkId] = result.reason;
    }
  }
  return {
    entity_ref: s.entityRef,
    kind: s.kind,
    namespace: s.namespace,
    name: s.name,
    title: s.title ?? null,
    type: s.type ?? null,
    lifecycle: s.lifecycle ?? null,
    owner: s.owner ?? '',
    system: s.system ?? null,
    domain: s.domain ?? null,
    tier: s.tier ?? null,
    score: s.score,
    level: s.level ?? null,
    level_rank: item.levelRank,
    gaps: s.gaps,
    next_level: item.nextLevel ?? null,
    blocking: JSON.stringify(item.blockingCheckIds),
    categories: JSON.stringify(item.categories),
    traits: formatTraits(item.traits),
    search_text: [s.name, s.title, s.owner, s.system]
      .filter(Boolean)
      .join('\n')
      .toLocaleLowerCase('en-US'),
    evaluated_at: nowIso,
    results_hash: resultsHash(item.results),
    not_applicable: JSON.stringify(notApplicable),
  };
}

function scoreRowChanged(prev: EntityScoreRow, next: EntityScoreRow): boolean {
  return COMPARED_SCORE_COLUMNS.some(column => {
    const a = prev[column];
    const b = next[column];
    if (typeof b === 'number') {
      return Number(a) !== b;
    }
    return (a ?? null) !== (b ?? null);
  });
}

/**
 * Options of {@link DatabaseReadinessStore.create}.
 *
 * @public
 */
export interface DatabaseReadinessStoreOptions {
  database: DatabaseService;
  /** Skip running migrations (also honoured: `database.migrations.skip`). */
  skipMigrations?: boolean;
}

/**
 * The {@link ReadinessStore} on the plugin's database through knex
 * (SQLite and PostgreSQL).
 *
 * @public
 */
export class DatabaseReadinessStore implements ReadinessStore {
  /** Creates the store, running migrations unless told not to. */
  static async create(
    options: DatabaseReadinessStoreOptions,
  ): Promise<DatabaseReadinessStore> {
    const client = await options.database.getClient();
    if (!options.skipMigrations && !options.database.migrations?.skip) {
      await client.migrate.latest({ directory: migrationsDir });
    }
    return new DatabaseReadinessStore(client);
  }

  /** The directory of the knex migrations, for tests and tooling. */
  static readonly migrationsDirectory = migrationsDir;

  private constructor(private readonly db: Knex) {}

  private get isPostgres(): boolean {
    const client = String(this.db.client.config.client);
    return client === 'pg' || client === 'postgres' || client === 'postgresql';
  }

  private get isSqlite(): boolean {
    const client = String(this.db.client.config.client);
    return client === 'better-sqlite3' || client === 'sqlite3';
  }

  /**
   * Restricts `column` to `refs`. Long lists are bound as one JSON parameter,
   * so any number of refs fits in a statement.
   */
  private whereRefIn(
    qb: Knex.QueryBuilder,
    column: string,
    refs: ReadonlyArray<string>,
  ): Knex.QueryBuilder {
    if (refs.length === 0) {
      return qb.whereRaw('1 = 0');
    }
    if (refs.length > INLINE_REF_LIMIT) {
      if (this.isPostgres) {
        // One array parameter, however many refs.
        return qb.whereRaw('?? = any(?::text[])', [
          column,
          [...refs] as unknown as Knex.RawBinding,
        ]);
      }
      if (this.isSqlite) {
        return qb.whereRaw('?? in (select value from json_each(?))', [
          column,
          JSON.stringify(refs),
        ]);
      }
    }
    return qb.whereIn(column, [...refs]);
  }

  private applyVisibility(
    qb: Knex.QueryBuilder,
    column: string,
    visible: VisibleEntityRefs,
  ): Knex.QueryBuilder {
    return visible ? this.whereRefIn(qb, column, visible) : qb;
  }

  /**
   * Inserts rows, or updates them on a conflict of `conflict` columns. Built
   * by hand: knex's builder is the bottleneck when a full rescore writes
   * hundreds of thousands of rows. PostgreSQL gets one array parameter per
   * column (`unnest`), SQLite multi-row `VALUES`; other databases go through
   * knex.
   */
  private async upsertRows<T extends object>(
    tx: Knex.Transaction,
    table: string,
    rows: T[],
    options: {
      conflict?: string[];
      update?: string[];
      /** PostgreSQL types of non-text columns. */
      types?: Record<string, 'integer' | 'double precision'>;
    } = {},
  ): Promise<void> {
    if (rows.length === 0) {
      return;
    }
    const { conflict, types = {} } = options;
    const columns = Object.keys(rows[0]);
    const update =
      options.update ?? columns.filter(c => !conflict?.includes(c));
    if (!this.isPostgres && !this.isSqlite) {
      for (const part of chunk(rows, INSERT_CHUNK)) {
        const query = tx(table).insert(part);
        await (conflict ? query.onConflict(conflict).merge(update) : query);
      }
      return;
    }
    const quote = (name: string) => `"${name}"`;
    const value = (row: T, column: string) => {
      const v = (row as Record<string, unknown>)[column];
      return v === undefined ? null : v;
    };
    const head = `insert into ${quote(table)} (${columns
      .map(quote)
      .join(',')}) `;
    const tail = conflict
      ? ` on conflict (${conflict.map(quote).join(',')}) do update set ${update
          .map(c => `${quote(c)} = excluded.${quote(c)}`)
          .join(', ')}`
      : '';
    if (this.isPostgres) {
      for (const part of chunk(rows, PG_ROWS_PER_STATEMENT)) {
        const arrays = columns.map(column =>
          part.map(row => value(row, column)),
        );
        await tx.raw(
          `${head}select * from unnest(${columns
            .map(c => `?::${types[c] ?? 'text'}[]`)
            .join(',')})${tail}`,
          arrays as unknown as Knex.RawBinding[],
        );
      }
      return;
    }
    const rowSql = `(${columns.map(() => '?').join(',')})`;
    const perStatement = Math.max(1, Math.floor(MAX_BINDINGS / columns.length));
    for (const part of chunk(rows, perStatement)) {
      const bindings: unknown[] = [];
      for (const row of part) {
        for (const column of columns) {
          bindings.push(value(row, column));
        }
      }
      await tx.raw(
        `${head}values ${new Array(part.length).fill(rowSql).join(',')}${tail}`,
        bindings as Knex.RawBinding[],
      );
    }
  }

  async writeScores(
    items: EntityScoreWrite[],
    now: Date,
  ): Promise<ScoreWriteStats> {
    const stats: ScoreWriteStats = {
      resultsWritten: 0,
      historyWritten: 0,
      scoresWritten: 0,
      levelChanges: [],
    };
    if (items.length === 0) {
      return stats;
    }
    const nowIso = now.toISOString();
    const day = nowIso.slice(0, 10);
    const byRef = new Map<string, EntityScoreWrite>();
    for (const item of items) {
      byRef.set(item.summary.entityRef, item);
    }
    const refs = [...byRef.keys()];

    await this.db.transaction(async tx => {
      const prevScoreRows: EntityScoreRow[] = await this.whereRefIn(
        tx('entity_scores').select('*'),
        'entity_ref',
        refs,
      );
      const prevScores = new Map(prevScoreRows.map(r => [r.entity_ref, r]));

      // Only entities whose results digest changed need their rows compared.
      const nextRows = new Map<string, EntityScoreRow>();
      const changedRefs: string[] = [];
      for (const [ref, item] of byRef) {
        const row = toScoreRow(item, nowIso);
        nextRows.set(ref, row);
        if (prevScores.get(ref)?.results_hash !== row.results_hash) {
          changedRefs.push(ref);
        }
      }
      const prevResults = new Map<string, Map<string, CheckResultRow>>();
      if (changedRefs.length > 0) {
        const rows: CheckResultRow[] = await this.whereRefIn(
          tx('check_results').select(
            'entity_ref',
            'check_id',
            'state',
            'reason',
            'evidence',
            'exemption_id',
          ),
          'entity_ref',
          changedRefs,
        );
        for (const row of rows) {
          let m = prevResults.get(row.entity_ref);
          if (!m) {
            m = new Map();
            prevResults.set(row.entity_ref, m);
          }
          m.set(row.check_id, row);
        }
      }

      const resultUpserts: CheckResultRow[] = [];
      const resultDeletes = new Map<string, string[]>();
      const history: CheckHistoryRow[] = [];
      const scoreUpserts: EntityScoreRow[] = [];
      const touched: string[] = [];
      const snapshots: ScoreSnapshotRow[] = [];
      const levelChanges: LevelChange[] = [];
      const owners = new Map<string, TeamContact>();

      for (const ref of changedRefs) {
        const item = byRef.get(ref)!;
        const prevScore = prevScores.get(ref);
        const prevNotApplicable = new Set(
          Object.keys(
            parseJson<Record<string, string>>(prevScore?.not_applicable, {}),
          ),
        );
        const prev = prevResults.get(ref) ?? new Map<string, CheckResultRow>();
        const deletes: string[] = [];
        for (const result of item.results) {
          const old = prev.get(result.checkId);
          prev.delete(result.checkId);
          let oldState: string | undefined = old?.state;
          if (!oldState && prevNotApplicable.has(result.checkId)) {
            oldState = 'not-applicable';
          }
          if (result.state === 'not-applicable') {
            // Checks that do not apply are kept in the score row, not as rows.
            if (old) {
              deletes.push(result.checkId);
            }
          } else {
            const evidence = JSON.stringify(result.evidence ?? []);
            const exemptionId = result.exemption?.id ?? null;
            if (
              !old ||
              old.state !== result.state ||
              old.reason !== result.reason ||
              old.evidence !== evidence ||
              (old.exemption_id ?? null) !== exemptionId
            ) {
              resultUpserts.push({
                entity_ref: ref,
                check_id: result.checkId,
                state: result.state,
                reason: result.reason,
                evidence,
                exemption_id: exemptionId,
                updated_at: nowIso,
              });
            }
          }
          // A new entity's first results are its starting point, not
          // changes; a check new to an entity scored before is a change.
          const changed = oldState ? oldState !== result.state : !!prevScore;
          if (changed) {
            history.push({
              entity_ref: ref,
              check_id: result.checkId,
              from_state: oldState ?? null,
              to_state: result.state,
              at: nowIso,
            });
          }
        }
        // Rows of checks no longer in the pack.
        deletes.push(...prev.keys());
        if (deletes.length > 0) {
          resultDeletes.set(ref, deletes);
        }
      }

      for (const [ref, item] of byRef) {
        const prevScore = prevScores.get(ref);
        const row = nextRows.get(ref)!;
        if (!prevScore || scoreRowChanged(prevScore, row)) {
          scoreUpserts.push(row);
        } else {
          touched.push(ref);
        }
        if (prevScore && (prevScore.level ?? null) !== row.level) {
          levelChanges.push({
            entityRef: ref,
            title: opt(row.title),
            owner: opt(row.owner),
            from: opt(prevScore.level),
            to: opt(row.level),
            rose: row.level_rank > Number(prevScore.level_rank ?? 0),
            failingCheckIds: item.results
              .filter(r => r.state === 'fail')
              .map(r => r.checkId),
          });
        }
        if (
          !prevScore ||
          Number(prevScore.score) !== row.score ||
          (prevScore.level ?? null) !== row.level
        ) {
          snapshots.push({
            entity_ref: ref,
            day,
            score: row.score,
            level: row.level,
          });
        }
        if (item.ownerContact) {
          owners.set(item.ownerContact.ref, item.ownerContact);
        }
      }

      await this.upsertRows(tx, 'check_results', resultUpserts, {
        conflict: ['entity_ref', 'check_id'],
      });
      for (const [ref, checkIds] of resultDeletes) {
        await tx('check_results')
          .where('entity_ref', ref)
          .whereIn('check_id', checkIds)
          .delete();
      }
      await this.upsertRows(tx, 'check_history', history);
      await this.upsertRows(tx, 'entity_scores', scoreUpserts, {
        conflict: ['entity_ref'],
        types: {
          score: 'double precision',
          level_rank: 'integer',
          gaps: 'integer',
        },
      });
      if (touched.length > 0) {
        await this.whereRefIn(
          tx('entity_scores').update({ evaluated_at: nowIso }),
          'entity_ref',
          touched,
        );
      }
      await this.upsertRows(tx, 'score_snapshots', snapshots, {
        conflict: ['entity_ref', 'day'],
        update: ['score', 'level'],
        types: { score: 'double precision' },
      });
      if (owners.size > 0) {
        const existing: OwnerRow[] = await this.whereRefIn(
          tx('owners').select('*'),
          'owner_ref',
          [...owners.keys()],
        );
        const existingByRef = new Map(existing.map(r => [r.owner_ref, r]));
        const ownerUpserts: OwnerRow[] = [];
        for (const owner of owners.values()) {
          const contacts = JSON.stringify(owner.contacts);
          const old = existingByRef.get(owner.ref);
          const displayName = owner.displayName ?? null;
          if (
            !old ||
            old.contacts !== contacts ||
            (old.display_name ?? null) !== displayName
          ) {
            ownerUpserts.push({
              owner_ref: owner.ref,
              display_name: displayName,
              contacts,
              updated_at: nowIso,
            });
          }
        }
        await this.upsertRows(tx, 'owners', ownerUpserts, {
          conflict: ['owner_ref'],
        });
      }

      stats.resultsWritten = resultUpserts.length;
      stats.historyWritten = history.length;
      stats.scoresWritten = scoreUpserts.length;
      stats.levelChanges = levelChanges;
    });
    return stats;
  }

  async listScoredEntityRefs(): Promise<string[]> {
    const rows: Array<{ entity_ref: string }> = await this.db(
      'entity_scores',
    ).select('entity_ref');
    return rows.map(r => r.entity_ref);
  }

  async removeEntities(entityRefs: string[], now: Date): Promise<number> {
    if (entityRefs.length === 0) {
      return 0;
    }
    const day = now.toISOString().slice(0, 10);
    let removed = 0;
    for (const refs of chunk(entityRefs, INSERT_CHUNK)) {
      removed += await this.db.transaction(async tx => {
        const existing: Array<{ entity_ref: string }> = await this.whereRefIn(
          tx('entity_scores').select('entity_ref'),
          'entity_ref',
          refs,
        );
        await this.whereRefIn(tx('check_results').delete(), 'entity_ref', refs);
        const count = await this.whereRefIn(
          tx('entity_scores').delete(),
          'entity_ref',
          refs,
        );
        // A removal is part of the trend of entities that were scored.
        const rows: ScoreSnapshotRow[] = existing.map(
          ({ entity_ref: ref }) => ({
            entity_ref: ref,
            day,
            score: null,
            level: null,
          }),
        );
        for (const part of chunk(rows, INSERT_CHUNK)) {
          await tx('score_snapshots')
            .insert(part)
            .onConflict(['entity_ref', 'day'])
            .merge(['score', 'level']);
        }
        return count as number;
      });
    }
    return removed;
  }

  async optimize(): Promise<void> {
    if (this.isPostgres) {
      await this.db.raw('analyze entity_scores, check_results');
    } else if (this.isSqlite) {
      await this.db.raw('pragma optimize');
    }
  }

  async purgeBefore(before: Date): Promise<number> {
    const iso = before.toISOString();
    const day = iso.slice(0, 10);
    let purged = 0;
    purged += await this.db('check_history').where('at', '<', iso).delete();
    // Keep each entity's latest snapshot before the cut-off: it is the
    // starting value of trends. Drop it too once it marks a removal.
    purged += await this.db('score_snapshots')
      .where('day', '<', day)
      .whereRaw(
        'exists (select 1 from score_snapshots later where later.entity_ref = score_snapshots.entity_ref and later.day < ? and later.day > score_snapshots.day)',
        [day],
      )
      .delete();
    purged += await this.db('score_snapshots')
      .where('day', '<', day)
      .whereNull('score')
      .delete();
    purged += await this.db('exemptions')
      .whereNotNull('expires_at')
      .andWhere('expires_at', '<', iso)
      .delete();
    return purged;
  }

  async getScore(entityRef: string): Promise<StoredEntityScore | undefined> {
    const row: EntityScoreRow | undefined = await this.db('entity_scores')
      .where('entity_ref', entityRef)
      .first();
    if (!row) {
      return undefined;
    }
    return {
      ...toSummary(row),
      nextLevel: opt(row.next_level),
      blockingCheckIds: parseJson<string[]>(row.blocking, []),
      categories: parseJson<CategorySummary[]>(row.categories, []),
      traits: parseTraits(row.traits),
    };
  }

  async listResults(entityRef: string): Promise<CheckResult[]> {
    const rows: CheckResultRow[] = await this.db('check_results')
      .where('entity_ref', entityRef)
      .orderBy('check_id');
    const exemptionIds = rows
      .map(r => r.exemption_id)
      .filter((id): id is string => !!id);
    const exemptions = new Map<string, Exemption>();
    if (exemptionIds.length > 0) {
      const exemptionRows: ExemptionRow[] = await this.db('exemptions').whereIn(
        'id',
        exemptionIds,
      );
      for (const row of exemptionRows) {
        exemptions.set(row.id, toExemption(row));
      }
    }
    const results: CheckResult[] = rows.map(row => ({
      checkId: row.check_id,
      state: row.state as CheckState,
      reason: row.reason,
      evidence: parseJson<Evidence[]>(row.evidence, []),
      exemption: row.exemption_id
        ? exemptions.get(row.exemption_id)
        : undefined,
    }));
    const score: Pick<EntityScoreRow, 'not_applicable'> | undefined =
      await this.db('entity_scores')
        .select('not_applicable')
        .where('entity_ref', entityRef)
        .first();
    const notApplicable = parseJson<Record<string, string>>(
      score?.not_applicable,
      {},
    );
    for (const [checkId, reason] of Object.entries(notApplicable)) {
      results.push({ checkId, state: 'not-applicable', reason, evidence: [] });
    }
    return results.sort((a, b) =>
      a.checkId < b.checkId ? -1 : Number(a.checkId > b.checkId),
    );
  }

  async listSummaries(
    entityRefs: string[],
    visibleEntityRefs: VisibleEntityRefs,
  ): Promise<EntitySummary[]> {
    if (entityRefs.length === 0) {
      return [];
    }
    const qb = this.whereRefIn(
      this.db('entity_scores').select(SUMMARY_COLUMNS),
      'entity_ref',
      entityRefs,
    );
    const rows: SummaryRow[] = await this.applyVisibility(
      qb,
      'entity_ref',
      visibleEntityRefs,
    );
    return rows.map(toSummary);
  }

  /**
   * Applies search filters to a query on `entity_scores`. Gap filters are a
   * semi-join: `in` (a set built from the gap index, best for counting) or
   * `exists` (a probe per row, best for a page read in sort-index order).
   */
  private applyFilters(
    qb: Knex.QueryBuilder,
    filters: StoreSearchFilters,
    gapJoin: 'in' | 'exists',
  ): Knex.QueryBuilder {
    const gaps = [
      ...(filters.failing ?? []).map(id => ({ id, states: ['fail'] })),
      ...(filters.passing ?? []).map(id => ({ id, states: PASSING_STATES })),
    ];
    for (const gap of gaps) {
      if (gapJoin === 'in') {
        qb.whereIn(
          'entity_ref',
          this.db('check_results')
            .select('entity_ref')
            .where('check_id', gap.id)
            .whereIn('state', gap.states),
        );
      } else {
        qb.whereExists(
          this.db('check_results as gap')
            .select(this.db.raw('1'))
            .whereRaw('?? = ??', ['gap.entity_ref', 'entity_scores.entity_ref'])
            .andWhere('gap.check_id', gap.id)
            .whereIn('gap.state', gap.states),
        );
      }
    }
    const columns = [
      'owner',
      'system',
      'domain',
      'type',
      'lifecycle',
      'tier',
    ] as const;
    for (const column of columns) {
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
    if (filters.text) {
      qb.whereRaw(`?? like ? escape '${LIKE_ESCAPE}'`, [
        'search_text',
        `%${escapeLike(filters.text.toLocaleLowerCase('en-US'))}%`,
      ]);
    }
    return this.applyVisibility(qb, 'entity_ref', filters.visibleEntityRefs);
  }

  async search(query: StoreSearchQuery): Promise<StoreSearchPage> {
    const column = SORT_COLUMNS[query.sort];
    const desc = query.order === 'desc';
    const qb = this.applyFilters(
      this.db('entity_scores').select([...SUMMARY_COLUMNS, 'level_rank']),
      query,
      'exists',
    );
    const after = query.after;
    if (after) {
      const op = desc ? '<' : '>';
      qb.where(inner =>
        inner
          .where(column, op, after.value)
          .orWhere(tie =>
            tie
              .where(column, '=', after.value)
              .andWhere('entity_ref', op, after.entityRef),
          ),
      );
    }
    const rows: Array<SummaryRow & { level_rank: number }> = await qb
      .orderBy(column, query.order)
      .orderBy('entity_ref', query.order)
      .limit(query.limit + 1);
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    const valueOf = (row: SummaryRow & { level_rank: number }) => {
      const value = (row as unknown as Record<string, unknown>)[column];
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

  async listFailingCheckIds(
    entityRefs: string[],
  ): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    if (entityRefs.length === 0) {
      return out;
    }
    const rows: Array<{ entity_ref: string; check_id: string }> =
      await this.whereRefIn(
        this.db('check_results')
          .select('entity_ref', 'check_id')
          .where('state', 'fail'),
        'entity_ref',
        entityRefs,
      ).orderBy(['entity_ref', 'check_id']);
    for (const row of rows) {
      const list = out.get(row.entity_ref) ?? [];
      list.push(row.check_id);
      out.set(row.entity_ref, list);
    }
    return out;
  }

  async countSearch(filters: StoreSearchFilters): Promise<number> {
    const gaps = [
      ...(filters.failing ?? []).map(id => ({ id, states: ['fail'] })),
      ...(filters.passing ?? []).map(id => ({ id, states: PASSING_STATES })),
    ];
    const onlyOneGap =
      gaps.length === 1 &&
      !filters.visibleEntityRefs &&
      !filters.text &&
      filters.levelRankAtMost === undefined &&
      filters.levelRankAtLeast === undefined &&
      (
        [
          'owner',
          'system',
          'domain',
          'kind',
          'type',
          'lifecycle',
          'tier',
        ] as const
      ).every(key => !filters[key]?.length);
    // Every result row belongs to a scored entity: count on the gap index.
    const row = onlyOneGap
      ? await this.db('check_results')
          .count({ n: '*' })
          .where('check_id', gaps[0].id)
          .whereIn('state', gaps[0].states)
          .first()
      : await this.applyFilters(
          this.db('entity_scores').count({ n: '*' }),
          filters,
          'in',
        ).first();
    return Number((row as { n?: number | string } | undefined)?.n ?? 0);
  }

  async listRollupRows(
    groupBy: 'owner' | 'system' | 'domain',
    visibleEntityRefs: VisibleEntityRefs,
  ): Promise<RollupEntityRow[]> {
    const rows: Array<{
      key: string | null;
      score: number;
      level: string | null;
      categories: string;
    }> = await this.applyVisibility(
      this.db('entity_scores').select({
        key: groupBy,
        score: 'score',
        level: 'level',
        categories: 'categories',
      }),
      'entity_ref',
      visibleEntityRefs,
    );
    return rows.map(r => ({
      key: r.key ? r.key : undefined,
      score: Number(r.score),
      level: opt(r.level),
      categories: parseJson<CategorySummary[]>(r.categories, []),
    }));
  }

  async findExemplars(query: ExemplarQuery): Promise<ExemplarCandidate[]> {
    if (query.checkIds.length === 0 || query.limit < 1) {
      return [];
    }
    const parts: string[] = [];
    const bindings: string[] = [];
    const add = (value: string | undefined, column: string, points: number) => {
      if (value) {
        parts.push(`(case when s.${column} = ? then ${points} else 0 end)`);
        bindings.push(value);
      }
    };
    add(query.system, 'system', 3);
    add(query.domain, 'domain', 2);
    add(query.type, 'type', 1);
    for (const trait of query.traits.slice(0, MAX_SIMILARITY_TRAITS)) {
      parts.push(
        `(case when s.traits like ? escape '${LIKE_ESCAPE}' then 1 else 0 end)`,
      );
      bindings.push(`%|${escapeLike(trait)}|%`);
    }
    const similarity = parts.length > 0 ? parts.join(' + ') : '0';
    const inner = this.db('check_results as r')
      .join('entity_scores as s', 's.entity_ref', 'r.entity_ref')
      .select(
        'r.check_id',
        'r.evidence',
        's.traits',
        ...SUMMARY_COLUMNS.map(c => `s.${c}`),
      )
      .select(this.db.raw(`${similarity} as similarity`, bindings))
      .select(
        this.db.raw(
          `row_number() over (partition by r.check_id order by ${similarity} desc, s.score desc, s.entity_ref asc) as rn`,
          bindings,
        ),
      )
      .whereIn('r.check_id', query.checkIds)
      .andWhere('r.state', 'pass')
      .andWhere('s.owner', '<>', '')
      .andWhere('s.entity_ref', '<>', query.entityRef);
    if (query.owner) {
      inner.andWhere('s.owner', '<>', query.owner);
    }
    this.applyVisibility(inner, 's.entity_ref', query.visibleEntityRefs);
    const rows: Array<
      SummaryRow & {
        check_id: string;
        evidence: string;
        traits: string;
        similarity: number | string;
        rn: number | string;
      }
    > = await this.db
      .select('*')
      .from(inner.as('ranked'))
      .where('rn', '<=', query.limit)
      .orderBy([
        { column: 'check_id', order: 'asc' },
        { column: 'rn', order: 'asc' },
      ]);
    return rows.map(row => ({
      checkId: row.check_id,
      entity: toSummary(row),
      traits: parseTraits(row.traits),
      evidence: parseJson<Evidence[]>(row.evidence, []),
      similarity: Number(row.similarity),
    }));
  }

  async listOwnerCheckCounts(options: {
    checkId?: string;
    visibleEntityRefs: VisibleEntityRefs;
  }): Promise<OwnerCheckCounts[]> {
    const qb = this.db('check_results as r')
      .join('entity_scores as s', 's.entity_ref', 'r.entity_ref')
      .select('r.check_id', 's.owner')
      .select(
        this.db.raw(
          `sum(case when r.state in ('pass', 'exempt') then 1 else 0 end) as passing`,
        ),
      )
      .select(this.db.raw('count(*) as applicable'))
      .whereIn('r.state', ['pass', 'exempt', 'fail'])
      .andWhere('s.owner', '<>', '')
      .groupBy('r.check_id', 's.owner');
    if (options.checkId) {
      qb.andWhere('r.check_id', options.checkId);
    }
    this.applyVisibility(qb, 's.entity_ref', options.visibleEntityRefs);
    const rows: Array<{
      check_id: string;
      owner: string;
      passing: number | string;
      applicable: number | string;
    }> = await qb;
    return rows.map(r => ({
      checkId: r.check_id,
      owner: r.owner,
      passing: Number(r.passing),
      applicable: Number(r.applicable),
    }));
  }

  async listHistory(entityRef: string, limit: number): Promise<HistoryEvent[]> {
    const rows: CheckHistoryRow[] = await this.db('check_history')
      .where('entity_ref', entityRef)
      .orderBy([
        { column: 'at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(limit);
    return rows.map(r => ({
      checkId: r.check_id,
      from: r.from_state ? (r.from_state as CheckState) : undefined,
      to: r.to_state as CheckState,
      at: r.at,
    }));
  }

  private applySnapshotFilter(
    qb: Knex.QueryBuilder,
    filter: SnapshotFilter,
  ): Knex.QueryBuilder {
    if (filter.entityRef) {
      qb.where('entity_ref', filter.entityRef);
    }
    if (filter.owner) {
      qb.whereIn(
        'entity_ref',
        this.db('entity_scores')
          .select('entity_ref')
          .where('owner', filter.owner),
      );
    }
    return this.applyVisibility(qb, 'entity_ref', filter.visibleEntityRefs);
  }

  async listSnapshotsSince(
    sinceDay: string,
    filter: SnapshotFilter,
  ): Promise<ScoreSnapshot[]> {
    const rows: ScoreSnapshotRow[] = await this.applySnapshotFilter(
      this.db('score_snapshots')
        .select('entity_ref', 'day', 'score', 'level')
        .where('day', '>=', sinceDay),
      filter,
    ).orderBy('day');
    return rows.map(toSnapshot);
  }

  async listLatestSnapshotsBefore(
    day: string,
    filter: SnapshotFilter,
  ): Promise<ScoreSnapshot[]> {
    const latest = this.applySnapshotFilter(
      this.db('score_snapshots')
        .select('entity_ref')
        .max({ day: 'day' })
        .where('day', '<', day)
        .groupBy('entity_ref'),
      filter,
    );
    const rows: ScoreSnapshotRow[] = await this.db('score_snapshots as s')
      .join(latest.as('m'), join =>
        join.on('m.entity_ref', 's.entity_ref').andOn('m.day', 's.day'),
      )
      .select('s.entity_ref', 's.day', 's.score', 's.level');
    return rows.map(toSnapshot);
  }

  async getOwners(ownerRefs: string[]): Promise<Map<string, TeamContact>> {
    const out = new Map<string, TeamContact>();
    const unique = [...new Set(ownerRefs.filter(Boolean))];
    if (unique.length === 0) {
      return out;
    }
    const rows: OwnerRow[] = await this.whereRefIn(
      this.db('owners').select('*'),
      'owner_ref',
      unique,
    );
    for (const row of rows) {
      out.set(row.owner_ref, {
        ref: row.owner_ref,
        displayName: opt(row.display_name),
        contacts: parseJson<Contact[]>(row.contacts, []),
      });
    }
    return out;
  }

  async createRun(options: CreateRunOptions): Promise<RunInfo> {
    const iso = options.now.toISOString();
    const row: RunRow = {
      id: randomUUID(),
      trigger: options.trigger,
      status: 'running',
      claimed: options.claimed,
      started_at: iso,
      finished_at: null,
      heartbeat_at: iso,
      entities_total: null,
      entities_done: 0,
      errors: '[]',
    };
    await this.db('runs').insert(row);
    return toRunInfo(row);
  }

  async claimRequestedRun(now: Date): Promise<RunInfo | undefined> {
    const candidates: RunRow[] = await this.db('runs')
      .where({ claimed: false, status: 'running' })
      .orderBy('started_at', 'asc')
      .limit(5);
    const iso = now.toISOString();
    for (const candidate of candidates) {
      const updated = await this.db('runs')
        .where({ id: candidate.id, claimed: false })
        .update({ claimed: true, started_at: iso, heartbeat_at: iso });
      if (updated === 1) {
        return toRunInfo({
          ...candidate,
          claimed: true,
          started_at: iso,
          heartbeat_at: iso,
        });
      }
    }
    return undefined;
  }

  async updateRun(id: string, update: RunUpdate): Promise<void> {
    const patch: Partial<RunRow> = {
      heartbeat_at: update.heartbeatAt.toISOString(),
    };
    if (update.status) {
      patch.status = update.status;
    }
    if (update.finishedAt) {
      patch.finished_at = update.finishedAt.toISOString();
    }
    if (update.entitiesTotal !== undefined) {
      patch.entities_total = update.entitiesTotal;
    }
    if (update.entitiesDone !== undefined) {
      patch.entities_done = update.entitiesDone;
    }
    if (update.errors) {
      patch.errors = JSON.stringify(update.errors);
    }
    await this.db('runs').where('id', id).update(patch);
  }

  async getRun(id: string): Promise<RunInfo | undefined> {
    const row: RunRow | undefined = await this.db('runs')
      .where('id', id)
      .first();
    return row ? toRunInfo(row) : undefined;
  }

  async listRuns(limit: number): Promise<RunInfo[]> {
    const rows: RunRow[] = await this.db('runs')
      .orderBy([
        { column: 'started_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(limit);
    return rows.map(toRunInfo);
  }

  async getActiveRun(heartbeatAfter: Date): Promise<RunInfo | undefined> {
    const row: RunRow | undefined = await this.db('runs')
      .where('status', 'running')
      .whereIn('trigger', ['schedule', 'manual'])
      .andWhere(qb =>
        qb
          .where('claimed', false)
          .orWhere('heartbeat_at', '>', heartbeatAfter.toISOString()),
      )
      .orderBy('started_at', 'desc')
      .first();
    return row ? toRunInfo(row) : undefined;
  }

  async failStaleRuns(heartbeatBefore: Date, now: Date): Promise<number> {
    const stale: RunRow[] = await this.db('runs')
      .where({ status: 'running', claimed: true })
      .andWhere('heartbeat_at', '<', heartbeatBefore.toISOString());
    for (const row of stale) {
      const errors = parseJson<string[]>(row.errors, []);
      errors.push(
        `Interrupted: no progress since ${row.heartbeat_at}; the process running it probably stopped`,
      );
      await this.db('runs')
        .where({ id: row.id, status: 'running' })
        .update({
          status: 'failed',
          finished_at: now.toISOString(),
          errors: JSON.stringify(errors),
        });
    }
    return stale.length;
  }

  async createExemption(exemption: Exemption): Promise<void> {
    const row: ExemptionRow = {
      id: exemption.id,
      entity_ref: exemption.entityRef,
      check_id: exemption.checkId,
      reason: exemption.reason,
      author: exemption.author,
      created_at: exemption.createdAt,
      expires_at: exemption.expiresAt ?? null,
    };
    await this.db('exemptions').insert(row);
  }

  async getExemption(id: string): Promise<Exemption | undefined> {
    const row: ExemptionRow | undefined = await this.db('exemptions')
      .where('id', id)
      .first();
    return row ? toExemption(row) : undefined;
  }

  async deleteExemption(id: string): Promise<boolean> {
    const deleted = await this.db('exemptions').where('id', id).delete();
    return deleted > 0;
  }

  async listExemptions(filter: ExemptionFilter): Promise<Exemption[]> {
    const qb = this.db('exemptions')
      .select('*')
      .where(inner =>
        inner
          .whereNull('expires_at')
          .orWhere('expires_at', '>', filter.activeAt.toISOString()),
      );
    if (filter.entityRef) {
      qb.andWhere('entity_ref', filter.entityRef);
    }
    if (filter.checkId) {
      qb.andWhere('check_id', filter.checkId);
    }
    this.applyVisibility(qb, 'entity_ref', filter.visibleEntityRefs);
    const rows: ExemptionRow[] = await qb.orderBy([
      { column: 'created_at', order: 'desc' },
      { column: 'id', order: 'asc' },
    ]);
    return rows.map(toExemption);
  }
}
