import type {
  CheckState,
  Exemption,
  HistoryEvent,
} from '@prodready/plugin-readiness-common';
import type { Knex } from 'knex';
import type { ScorecardDocument, ScorecardVersion } from '../ReadinessStore';
import { toExemption, toResults, toSnapshot, toStoredScore } from '../rows';
import { chunk, INSERT_CHUNK, upsertRows, whereRefIn } from '../sql';
import type {
  CheckHistoryRow,
  CheckResultRow,
  EntityScorecardRow,
  EntityScoreRow,
  ExemptionRow,
  ScoreSnapshotRow,
} from '../tables';

/*
 * Precomputed scorecards (`entity_scorecards`): what one entity's page needs
 * from the store, built where it is written and read in one query.
 */

/** History events kept in a scorecard document, newest first. */
export const SCORECARD_HISTORY_LIMIT = 100;

function groupByRef<T extends { entity_ref: string }>(
  rows: T[],
): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const list = out.get(row.entity_ref);
    if (list) {
      list.push(row);
    } else {
      out.set(row.entity_ref, [row]);
    }
  }
  return out;
}

function toHistoryEvent(row: CheckHistoryRow): HistoryEvent {
  return {
    checkId: row.check_id,
    from: row.from_state ? (row.from_state as CheckState) : undefined,
    to: row.to_state as CheckState,
    at: row.at,
  };
}

/**
 * Rebuilds the scorecard documents of the given entities from their stored
 * score, results, exemptions, history and snapshots; call inside the
 * transaction that changed them, after the changes. Entities without a score
 * lose their document.
 */
export async function buildScorecardDocuments(
  tx: Knex,
  entityRefs: ReadonlyArray<string>,
  now: Date,
): Promise<void> {
  const builtAt = now.toISOString();
  for (const refs of chunk([...new Set(entityRefs)], INSERT_CHUNK)) {
    const scoreRows: EntityScoreRow[] = await whereRefIn(
      tx,
      tx('entity_scores').select('*'),
      'entity_ref',
      refs,
    );
    const resultRows: CheckResultRow[] = await whereRefIn(
      tx,
      tx('check_results').select('*'),
      'entity_ref',
      refs,
    );
    const exemptionIds = [
      ...new Set(
        resultRows.map(r => r.exemption_id).filter((id): id is string => !!id),
      ),
    ];
    const exemptions = new Map<string, Exemption>();
    for (const ids of chunk(exemptionIds, INSERT_CHUNK)) {
      const rows: ExemptionRow[] = await tx('exemptions').whereIn('id', ids);
      for (const row of rows) {
        exemptions.set(row.id, toExemption(row));
      }
    }
    // The newest events of each entity (a window per entity).
    const historyRows: CheckHistoryRow[] = await tx
      .select('entity_ref', 'check_id', 'from_state', 'to_state', 'at')
      .from(
        whereRefIn(
          tx,
          tx('check_history').select(
            '*',
            tx.raw(
              'row_number() over (partition by ?? order by ?? desc, ?? desc) as ??',
              ['entity_ref', 'at', 'id', 'position'],
            ),
          ),
          'entity_ref',
          refs,
        ).as('h'),
      )
      .where('position', '<=', SCORECARD_HISTORY_LIMIT)
      .orderBy([
        { column: 'entity_ref' },
        { column: 'position', order: 'asc' },
      ]);
    const snapshotRows: ScoreSnapshotRow[] = await whereRefIn(
      tx,
      tx('score_snapshots').select('entity_ref', 'day', 'score', 'level'),
      'entity_ref',
      refs,
    ).orderBy(['entity_ref', 'day']);

    const results = groupByRef(resultRows);
    const history = groupByRef(historyRows);
    const snapshots = groupByRef(snapshotRows);
    const documents: EntityScorecardRow[] = scoreRows.map(row => {
      const document: ScorecardDocument = {
        score: toStoredScore(row),
        results: toResults(
          results.get(row.entity_ref) ?? [],
          exemptions,
          row.not_applicable,
        ),
        history: (history.get(row.entity_ref) ?? []).map(toHistoryEvent),
        snapshots: (snapshots.get(row.entity_ref) ?? []).map(toSnapshot),
      };
      return {
        entity_ref: row.entity_ref,
        document: JSON.stringify(document),
        built_at: builtAt,
      };
    });
    await upsertRows(tx, 'entity_scorecards', documents, {
      conflict: ['entity_ref'],
    });
    const scored = new Set(scoreRows.map(r => r.entity_ref));
    const gone = refs.filter(ref => !scored.has(ref));
    if (gone.length > 0) {
      await whereRefIn(
        tx,
        tx('entity_scorecards').delete(),
        'entity_ref',
        gone,
      );
    }
  }
}

/** The given entities that have no scorecard document. */
export async function listRefsWithoutScorecard(
  tx: Knex,
  entityRefs: ReadonlyArray<string>,
): Promise<string[]> {
  if (entityRefs.length === 0) {
    return [];
  }
  const rows: Array<{ entity_ref: string }> = await whereRefIn(
    tx,
    tx('entity_scorecards').select('entity_ref'),
    'entity_ref',
    entityRefs,
  );
  const built = new Set(rows.map(r => r.entity_ref));
  return entityRefs.filter(ref => !built.has(ref));
}

/**
 * One entity's scorecard document with its current evaluation time (a
 * rescore that changed nothing only moves `entity_scores.evaluated_at`), in
 * one query; `undefined` when the entity is not scored or has no document.
 */
export async function getScorecardDocument(
  db: Knex,
  entityRef: string,
): Promise<ScorecardDocument | undefined> {
  const row: { document: string; evaluated_at: string } | undefined = await db(
    'entity_scorecards as d',
  )
    .join('entity_scores as s', 's.entity_ref', 'd.entity_ref')
    .select('d.document', 's.evaluated_at')
    .where('d.entity_ref', entityRef)
    .first();
  if (!row) {
    return undefined;
  }
  const document = JSON.parse(row.document) as ScorecardDocument;
  document.score.evaluatedAt = row.evaluated_at;
  return document;
}

/**
 * What one entity's scorecard depends on in the store, in one small read
 * (not the document): the time its document was built (every write of its
 * results, history, snapshots or exemptions rebuilds it), its evaluation
 * time, and the store's results and scores versions (other entities' results
 * and scores, which learn-from and owner contacts come from). `undefined`
 * when the entity has no document.
 */
export async function getScorecardVersion(
  db: Knex,
  entityRef: string,
): Promise<ScorecardVersion | undefined> {
  const version = (name: string, as: string) =>
    db('store_versions').select('version').where('name', name).as(as);
  const row:
    | {
        built_at: string;
        evaluated_at: string;
        results_version: number | string | null;
        scores_version: number | string | null;
      }
    | undefined = await db('entity_scorecards as d')
    .join('entity_scores as s', 's.entity_ref', 'd.entity_ref')
    .select(
      'd.built_at',
      's.evaluated_at',
      version('results', 'results_version'),
      version('scores', 'scores_version'),
    )
    .where('d.entity_ref', entityRef)
    .first();
  if (!row) {
    return undefined;
  }
  return {
    builtAt: row.built_at,
    evaluatedAt: row.evaluated_at,
    resultsVersion: Number(row.results_version ?? 0),
    scoresVersion: Number(row.scores_version ?? 0),
  };
}
