import type {
  CheckResult,
  CheckState,
  EntitySummary,
  Exemption,
} from '@prodready/plugin-readiness-common';
import type { Knex } from 'knex';
import type { StoredEntityScore, VisibleEntityRefs } from '../ReadinessStore';
import {
  SUMMARY_COLUMNS,
  SummaryRow,
  toExemption,
  toResults,
  toStoredScore,
  toSummary,
} from '../rows';
import { applyVisibility, OBSERVED_EVIDENCE, whereRefIn } from '../sql';
import type { CheckResultRow, EntityScoreRow, ExemptionRow } from '../tables';
import { GAP_STATES } from '@prodready/plugin-readiness-common';

/*
 * Reads of the latest scores and results of entities.
 */

/** Refs of every scored entity. */
export async function listScoredEntityRefs(db: Knex): Promise<string[]> {
  const rows: Array<{ entity_ref: string }> = await db('entity_scores').select(
    'entity_ref',
  );
  return rows.map(r => r.entity_ref);
}

/** Stored results by state, over every scored entity. */
export async function countResultsByState(
  db: Knex,
): Promise<Partial<Record<CheckState, number>>> {
  const rows: Array<{ state: string; n: number | string }> = await db(
    'check_results',
  )
    .select('state')
    .count({ n: '*' })
    .groupBy('state');
  return Object.fromEntries(rows.map(r => [r.state, Number(r.n)]));
}

/** One entity's score, if scored. */
export async function getScore(
  db: Knex,
  entityRef: string,
): Promise<StoredEntityScore | undefined> {
  const row: EntityScoreRow | undefined = await db('entity_scores')
    .where('entity_ref', entityRef)
    .first();
  return row ? toStoredScore(row) : undefined;
}

/**
 * One entity's latest results, by check id, with their exemptions and the
 * checks that do not apply.
 */
export async function listResults(
  db: Knex,
  entityRef: string,
): Promise<CheckResult[]> {
  const rows: CheckResultRow[] = await db('check_results')
    .where('entity_ref', entityRef)
    .orderBy('check_id');
  const exemptionIds = rows
    .map(r => r.exemption_id)
    .filter((id): id is string => !!id);
  const exemptions = new Map<string, Exemption>();
  if (exemptionIds.length > 0) {
    const exemptionRows: ExemptionRow[] = await db('exemptions').whereIn(
      'id',
      exemptionIds,
    );
    for (const row of exemptionRows) {
      exemptions.set(row.id, toExemption(row));
    }
  }
  const score: Pick<EntityScoreRow, 'not_applicable'> | undefined = await db(
    'entity_scores',
  )
    .select('not_applicable')
    .where('entity_ref', entityRef)
    .first();
  return toResults(rows, exemptions, score?.not_applicable);
}

/** Summaries of the given entities that are scored and visible. */
export async function listSummaries(
  db: Knex,
  entityRefs: string[],
  visibleEntityRefs: VisibleEntityRefs,
): Promise<EntitySummary[]> {
  if (entityRefs.length === 0) {
    return [];
  }
  const qb = whereRefIn(
    db,
    db('entity_scores').select(SUMMARY_COLUMNS),
    'entity_ref',
    entityRefs,
  );
  const rows: SummaryRow[] = await applyVisibility(
    db,
    qb,
    'entity_ref',
    visibleEntityRefs,
  );
  return rows.map(toSummary);
}

/**
 * The state of each of `checkIds` for each of the given entities, where a
 * result is stored.
 */
export async function listCheckStates(
  db: Knex,
  entityRefs: string[],
  checkIds: string[],
): Promise<Map<string, Map<string, CheckState>>> {
  const out = new Map<string, Map<string, CheckState>>();
  if (entityRefs.length === 0 || checkIds.length === 0) {
    return out;
  }
  const rows: Array<{
    entity_ref: string;
    check_id: string;
    state: CheckState;
  }> = await whereRefIn(
    db,
    db('check_results')
      .select('entity_ref', 'check_id', 'state')
      .whereIn('check_id', checkIds),
    'entity_ref',
    entityRefs,
  );
  for (const row of rows) {
    const states = out.get(row.entity_ref) ?? new Map<string, CheckState>();
    states.set(row.check_id, row.state);
    out.set(row.entity_ref, states);
  }
  return out;
}

/** Entity ref to the check ids of its result rows the query keeps. */
async function listCheckIds(
  db: Knex,
  entityRefs: string[],
  narrow: (qb: Knex.QueryBuilder) => Knex.QueryBuilder,
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (entityRefs.length === 0) {
    return out;
  }
  const rows: Array<{ entity_ref: string; check_id: string }> =
    await whereRefIn(
      db,
      narrow(db('check_results').select('entity_ref', 'check_id')),
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

/** The failing check ids of each of the given entities that has any. */
export async function listFailingCheckIds(
  db: Knex,
  entityRefs: string[],
): Promise<Map<string, string[]>> {
  return listCheckIds(db, entityRefs, qb => qb.whereIn('state', GAP_STATES));
}

/**
 * Entity ref to the ids of the checks it passes on declared evidence only
 * (no observed piece in the stored evidence; see `OBSERVED_EVIDENCE`).
 */
export async function listDeclaredOnlyCheckIds(
  db: Knex,
  entityRefs: string[],
): Promise<Map<string, string[]>> {
  return listCheckIds(db, entityRefs, qb =>
    qb.where('state', 'pass').whereNot('evidence', 'like', OBSERVED_EVIDENCE),
  );
}
