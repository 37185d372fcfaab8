import type { Knex } from 'knex';
import { chunk, INSERT_CHUNK, whereRefIn } from '../sql';
import { bumpResultsVersion } from './exemplarPool';
import { bumpScoresVersion } from './scoresVersion';
import type { ScoreSnapshotRow } from '../tables';

/**
 * Removes scores and results of entities gone from the catalog, marking the
 * removal with a snapshot without score; history stays.
 */
export async function removeEntities(
  db: Knex,
  entityRefs: string[],
  now: Date,
): Promise<number> {
  if (entityRefs.length === 0) {
    return 0;
  }
  const day = now.toISOString().slice(0, 10);
  let removed = 0;
  for (const refs of chunk(entityRefs, INSERT_CHUNK)) {
    removed += await db.transaction(async tx => {
      const existing: Array<{ entity_ref: string }> = await whereRefIn(
        tx,
        tx('entity_scores').select('entity_ref'),
        'entity_ref',
        refs,
      );
      await whereRefIn(tx, tx('check_results').delete(), 'entity_ref', refs);
      await whereRefIn(
        tx,
        tx('entity_scorecards').delete(),
        'entity_ref',
        refs,
      );
      const count = await whereRefIn(
        tx,
        tx('entity_scores').delete(),
        'entity_ref',
        refs,
      );
      // A removal is part of the trend of entities that were scored.
      const rows: ScoreSnapshotRow[] = existing.map(({ entity_ref: ref }) => ({
        entity_ref: ref,
        day,
        score: null,
        level: null,
      }));
      for (const part of chunk(rows, INSERT_CHUNK)) {
        await tx('score_snapshots')
          .insert(part)
          .onConflict(['entity_ref', 'day'])
          .merge(['score', 'level']);
      }
      if (Number(count) > 0) {
        await bumpResultsVersion(tx);
        await bumpScoresVersion(tx);
      }
      return count as number;
    });
  }
  return removed;
}
