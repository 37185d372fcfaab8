import type { Knex } from 'knex';
import { isPostgres, isSqlite } from '../sql';

/**
 * Refreshes the query-planner statistics after large writes (PostgreSQL
 * `ANALYZE`, SQLite `PRAGMA optimize`).
 */
export async function optimize(db: Knex): Promise<void> {
  if (isPostgres(db)) {
    await db.raw('analyze entity_scores, check_results');
  } else if (isSqlite(db)) {
    await db.raw('pragma optimize');
  }
}

/** Deletes history, snapshots and expired exemptions older than `before`. */
export async function purgeBefore(db: Knex, before: Date): Promise<number> {
  const iso = before.toISOString();
  const day = iso.slice(0, 10);
  let purged = 0;
  purged += await db('check_history').where('at', '<', iso).delete();
  // Keep each entity's latest snapshot before the cut-off: it is the starting
  // value of trends. Drop it too once it marks a removal.
  purged += await db('score_snapshots')
    .where('day', '<', day)
    .whereRaw(
      'exists (select 1 from score_snapshots later where later.entity_ref = score_snapshots.entity_ref and later.day < ? and later.day > score_snapshots.day)',
      [day],
    )
    .delete();
  purged += await db('score_snapshots')
    .where('day', '<', day)
    .whereNull('score')
    .delete();
  purged += await db('exemptions')
    .whereNotNull('expires_at')
    .andWhere('expires_at', '<', iso)
    .delete();
  return purged;
}
