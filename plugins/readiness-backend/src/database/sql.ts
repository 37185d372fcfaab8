import type { Knex } from 'knex';
import type { VisibleEntityRefs } from './ReadinessStore';

/*
 * Dialect helpers of the store: everything that words SQL differently on
 * SQLite, PostgreSQL and MySQL lives here.
 */

/**
 * Rows per INSERT statement: SQLite inserts many rows as one compound SELECT,
 * limited to 500 terms; this also keeps statements under bind limits.
 */
export const INSERT_CHUNK = 400;
/** Bind parameters per hand-built SQLite statement (it allows 32766). */
const MAX_BINDINGS = 30_000;
/** Rows per PostgreSQL `unnest` insert (one array parameter per column). */
const PG_ROWS_PER_STATEMENT = 5000;
/** Above this many refs, a ref list is bound as one JSON parameter instead of a list. */
const INLINE_REF_LIMIT = 200;

/**
 * The escape character of LIKE patterns. Not a backslash: MySQL reads a
 * backslash inside a string literal as an escape, so `escape '\\'` would not
 * parse there.
 */
export const LIKE_ESCAPE = '!';

/** Escapes the LIKE wildcards of `text` with {@link LIKE_ESCAPE}. */
export function escapeLike(text: string): string {
  return text.replace(/[!%_]/g, m => `${LIKE_ESCAPE}${m}`);
}

/** Splits `items` into slices of at most `size`. */
export function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    out.push(items.slice(i, i + size));
  }
  return out;
}

/** Whether `db` talks to PostgreSQL. */
export function isPostgres(db: Knex): boolean {
  const client = String(db.client.config.client);
  return client === 'pg' || client === 'postgres' || client === 'postgresql';
}

/** Whether `db` talks to SQLite. */
export function isSqlite(db: Knex): boolean {
  const client = String(db.client.config.client);
  return client === 'better-sqlite3' || client === 'sqlite3';
}

/**
 * Restricts `column` to `refs`. Long lists are bound as one parameter (a
 * PostgreSQL array, a SQLite JSON array), so any number of refs fits in a
 * statement.
 */
export function whereRefIn(
  db: Knex,
  qb: Knex.QueryBuilder,
  column: string,
  refs: ReadonlyArray<string>,
): Knex.QueryBuilder {
  if (refs.length === 0) {
    return qb.whereRaw('1 = 0');
  }
  if (refs.length > INLINE_REF_LIMIT) {
    if (isPostgres(db)) {
      return qb.whereRaw('?? = any(?::text[])', [
        column,
        [...refs] as unknown as Knex.RawBinding,
      ]);
    }
    if (isSqlite(db)) {
      return qb.whereRaw('?? in (select value from json_each(?))', [
        column,
        JSON.stringify(refs),
      ]);
    }
  }
  return qb.whereIn(column, [...refs]);
}

/** Restricts `column` to the visible refs; no restriction when `undefined`. */
export function applyVisibility(
  db: Knex,
  qb: Knex.QueryBuilder,
  column: string,
  visible: VisibleEntityRefs,
): Knex.QueryBuilder {
  return visible ? whereRefIn(db, qb, column, visible) : qb;
}

/** Options of {@link upsertRows}. */
export interface UpsertRowsOptions {
  /** Columns of the unique key; without them rows are plainly inserted. */
  conflict?: string[];
  /** Columns updated on a conflict; all but `conflict` by default. */
  update?: string[];
  /** On a conflict keep the existing row and skip the new one. */
  ignore?: boolean;
  /** PostgreSQL types of non-text columns. */
  types?: Record<string, 'integer' | 'double precision'>;
}

/**
 * Inserts rows, or updates (or skips) them on a conflict of `conflict`
 * columns. Built by hand: knex's builder is the bottleneck when a full
 * rescore writes hundreds of thousands of rows. PostgreSQL gets one array
 * parameter per column (`unnest`), SQLite multi-row `VALUES`; other databases
 * go through knex.
 */
export async function upsertRows<T extends object>(
  tx: Knex,
  table: string,
  rows: T[],
  options: UpsertRowsOptions = {},
): Promise<void> {
  if (rows.length === 0) {
    return;
  }
  const { conflict, ignore, types = {} } = options;
  const columns = Object.keys(rows[0]);
  const update = options.update ?? columns.filter(c => !conflict?.includes(c));
  if (!isPostgres(tx) && !isSqlite(tx)) {
    for (const part of chunk(rows, INSERT_CHUNK)) {
      const query = tx(table).insert(part);
      if (conflict && ignore) {
        await query.onConflict(conflict).ignore();
      } else {
        await (conflict ? query.onConflict(conflict).merge(update) : query);
      }
    }
    return;
  }
  const quote = (name: string) => `"${name}"`;
  const value = (row: T, column: string) => {
    const v = (row as Record<string, unknown>)[column];
    return v === undefined ? null : v;
  };
  const head = `insert into ${quote(table)} (${columns.map(quote).join(',')}) `;
  let tail = '';
  if (conflict) {
    tail = ignore
      ? ` on conflict (${conflict.map(quote).join(',')}) do nothing`
      : ` on conflict (${conflict.map(quote).join(',')}) do update set ${update
          .map(c => `${quote(c)} = excluded.${quote(c)}`)
          .join(', ')}`;
  }
  if (isPostgres(tx)) {
    for (const part of chunk(rows, PG_ROWS_PER_STATEMENT)) {
      const arrays = columns.map(column => part.map(row => value(row, column)));
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

/**
 * A `like` pattern of stored evidence that holds an observed piece. Evidence
 * is stored as `JSON.stringify(Evidence[])`, where a value's own quotes are
 * escaped, so only a `strength` key matches; evidence without a strength
 * counts as declared.
 *
 * @internal
 */
export const OBSERVED_EVIDENCE = '%"strength":"observed"%';
