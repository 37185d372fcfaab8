import type { Knex } from 'knex';
import type { EntityScoreWrite, ScoreWriteStats } from '../ReadinessStore';
import {
  planOwnerWrite,
  planScoreWrite,
  refsWithChangedResults,
  toScoreWrites,
} from '../planScoreWrite';
import { upsertRows, whereRefIn } from '../sql';
import { bumpResultsVersion } from './exemplarPool';
import { bumpScoresVersion } from './scoresVersion';
import {
  buildScorecardDocuments,
  listRefsWithoutScorecard,
} from './scorecardDocuments';
import type { CheckResultRow, EntityScoreRow, OwnerRow } from '../tables';

/**
 * Writes fresh scores in one transaction: reads the rows they replace, plans
 * the change-only write with {@link planScoreWrite} and applies it.
 */
export async function writeScores(
  db: Knex,
  items: EntityScoreWrite[],
  now: Date,
): Promise<ScoreWriteStats> {
  const stats: ScoreWriteStats = {
    resultsWritten: 0,
    historyWritten: 0,
    scoresWritten: 0,
    levelChanges: [],
    firstScored: [],
  };
  if (items.length === 0) {
    return stats;
  }
  const nowIso = now.toISOString();
  const writes = toScoreWrites(items, now);
  const refs = [...writes.keys()];

  await db.transaction(async tx => {
    const prevScoreRows: EntityScoreRow[] = await whereRefIn(
      tx,
      tx('entity_scores').select('*'),
      'entity_ref',
      refs,
    );
    const scores = new Map(prevScoreRows.map(r => [r.entity_ref, r]));

    // Only entities whose results digest changed need their rows compared.
    const changedRefs = refsWithChangedResults(writes, scores);
    const results = new Map<string, Map<string, CheckResultRow>>();
    if (changedRefs.length > 0) {
      const rows: CheckResultRow[] = await whereRefIn(
        tx,
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
        let m = results.get(row.entity_ref);
        if (!m) {
          m = new Map();
          results.set(row.entity_ref, m);
        }
        m.set(row.check_id, row);
      }
    }

    const plan = planScoreWrite(writes, { scores, results }, now);

    await upsertRows(tx, 'check_results', plan.resultUpserts, {
      conflict: ['entity_ref', 'check_id'],
    });
    for (const [ref, checkIds] of plan.resultDeletes) {
      await tx('check_results')
        .where('entity_ref', ref)
        .whereIn('check_id', checkIds)
        .delete();
    }
    // Another scoring of the same entity from the same stored score may have
    // written these changes already: each is written once.
    await upsertRows(tx, 'check_history', plan.history, {
      conflict: ['entity_ref', 'check_id', 'to_state', 'from_evaluated_at'],
      ignore: true,
    });
    await upsertRows(tx, 'entity_scores', plan.scoreUpserts, {
      conflict: ['entity_ref'],
      types: {
        score: 'double precision',
        level_rank: 'integer',
        gaps: 'integer',
      },
    });
    if (plan.touched.length > 0) {
      await whereRefIn(
        tx,
        tx('entity_scores').update({ evaluated_at: nowIso }),
        'entity_ref',
        plan.touched,
      );
    }
    await upsertRows(tx, 'score_snapshots', plan.snapshots, {
      conflict: ['entity_ref', 'day'],
      update: ['score', 'level'],
      types: { score: 'double precision' },
    });
    if (plan.owners.length > 0) {
      const existing: OwnerRow[] = await whereRefIn(
        tx,
        tx('owners').select('*'),
        'owner_ref',
        plan.owners.map(o => o.ref),
      );
      await upsertRows(
        tx,
        'owners',
        // In one order: concurrent page writes lock shared owners alike.
        planOwnerWrite(
          plan.owners,
          new Map(existing.map(r => [r.owner_ref, r])),
          now,
        ).sort((x, y) => x.owner_ref.localeCompare(y.owner_ref)),
        { conflict: ['owner_ref'] },
      );
    }

    // Precomputed scorecards of what changed, and of entities scored before
    // the documents existed.
    const changed = new Set<string>([
      ...plan.resultUpserts.map(r => r.entity_ref),
      ...plan.resultDeletes.keys(),
      ...plan.history.map(r => r.entity_ref),
      ...plan.scoreUpserts.map(r => r.entity_ref),
      ...plan.snapshots.map(r => r.entity_ref),
    ]);
    const unchanged = refs.filter(ref => !changed.has(ref));
    await buildScorecardDocuments(
      tx,
      [...changed, ...(await listRefsWithoutScorecard(tx, unchanged))],
      now,
    );

    if (
      plan.resultUpserts.length > 0 ||
      plan.resultDeletes.size > 0 ||
      plan.scoreUpserts.length > 0
    ) {
      await bumpResultsVersion(tx);
    }
    if (plan.scoreUpserts.length > 0 || plan.touched.length > 0) {
      await bumpScoresVersion(tx);
    }

    stats.resultsWritten = plan.resultUpserts.length;
    stats.historyWritten = plan.history.length;
    stats.scoresWritten = plan.scoreUpserts.length;
    stats.levelChanges = plan.levelChanges;
    stats.firstScored = plan.firstScored;
  });
  return stats;
}
