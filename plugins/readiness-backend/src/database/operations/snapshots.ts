import type { Knex } from 'knex';
import type { ScoreSnapshot, SnapshotFilter } from '../ReadinessStore';
import { toSnapshot } from '../rows';
import { applyVisibility } from '../sql';
import type { ScoreSnapshotRow } from '../tables';

/*
 * Reads of score snapshots, for trends.
 */

function applySnapshotFilter(
  db: Knex,
  qb: Knex.QueryBuilder,
  filter: SnapshotFilter,
): Knex.QueryBuilder {
  if (filter.entityRef) {
    qb.where('entity_ref', filter.entityRef);
  }
  if (filter.owner) {
    qb.whereIn(
      'entity_ref',
      db('entity_scores').select('entity_ref').where('owner', filter.owner),
    );
  }
  return applyVisibility(db, qb, 'entity_ref', filter.visibleEntityRefs);
}

/** Snapshots taken on or after `sinceDay`, oldest first. */
export async function listSnapshotsSince(
  db: Knex,
  sinceDay: string,
  filter: SnapshotFilter,
): Promise<ScoreSnapshot[]> {
  const rows: ScoreSnapshotRow[] = await applySnapshotFilter(
    db,
    db('score_snapshots')
      .select('entity_ref', 'day', 'score', 'level')
      .where('day', '>=', sinceDay),
    filter,
  ).orderBy('day');
  return rows.map(toSnapshot);
}

/** For each entity, its latest snapshot before `day`. */
export async function listLatestSnapshotsBefore(
  db: Knex,
  day: string,
  filter: SnapshotFilter,
): Promise<ScoreSnapshot[]> {
  const latest = applySnapshotFilter(
    db,
    db('score_snapshots')
      .select('entity_ref')
      .max({ day: 'day' })
      .where('day', '<', day)
      .groupBy('entity_ref'),
    filter,
  );
  const rows: ScoreSnapshotRow[] = await db('score_snapshots as s')
    .join(latest.as('m'), join =>
      join.on('m.entity_ref', 's.entity_ref').andOn('m.day', 's.day'),
    )
    .select('s.entity_ref', 's.day', 's.score', 's.level');
  return rows.map(toSnapshot);
}
