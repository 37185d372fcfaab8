import type { Knex } from 'knex';

/**
 * The `store_versions` row bumped by every write of `entity_scores`, and by
 * exemption edits (they change scorecard documents).
 */
const SCORES_VERSION = 'scores';

/**
 * Bumps the scores version: call inside a transaction that changed score rows
 * (including only their evaluation time) or removed entities, last, so the
 * row lock is held only until the commit.
 */
export async function bumpScoresVersion(tx: Knex): Promise<void> {
  await tx('store_versions')
    .where('name', SCORES_VERSION)
    .increment('version', 1);
}

/**
 * The scores version: changes with every write of score rows, so anything
 * derived from them (an export) is stale when it differs.
 */
export async function getScoresVersion(db: Knex): Promise<number> {
  const row: { version: number | string } | undefined = await db(
    'store_versions',
  )
    .select('version')
    .where('name', SCORES_VERSION)
    .first();
  return Number(row?.version ?? 0);
}
