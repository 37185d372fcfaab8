import type { Knex } from 'knex';
import type {
  ExemplarDetails,
  ExemplarPick,
  ExemplarPool,
  ExemplarPoolEntity,
} from '../ReadinessStore';
import {
  opt,
  parseEvidence,
  parseTraits,
  SUMMARY_COLUMNS,
  SummaryRow,
  toSummary,
} from '../rows';
import { whereRefIn } from '../sql';

/** The `store_versions` row bumped by writes that change results. */
const RESULTS_VERSION = 'results';

/**
 * Bumps the results version; call inside the writing transaction, last, so
 * the row lock is held only until the commit.
 */
export async function bumpResultsVersion(tx: Knex): Promise<void> {
  await tx('store_versions')
    .where('name', RESULTS_VERSION)
    .increment('version', 1);
}

/** The results version: changes with every write of results or scores. */
export async function getResultsVersion(db: Knex): Promise<number> {
  const row: { version: number | string } | undefined = await db(
    'store_versions',
  )
    .select('version')
    .where('name', RESULTS_VERSION)
    .first();
  return Number(row?.version ?? 0);
}

/**
 * Every possible learn-from exemplar: scored entities with an owner, best
 * score first, and per check the ones passing it. The version is read
 * first, so the rows are at least as new as the version says.
 */
export async function listExemplarPool(db: Knex): Promise<ExemplarPool> {
  const version = await getResultsVersion(db);
  const entityRows: Array<{
    entity_ref: string;
    owner: string;
    system: string | null;
    domain: string | null;
    type: string | null;
    traits: string;
  }> = await db('entity_scores')
    .select('entity_ref', 'owner', 'system', 'domain', 'type', 'traits')
    .where('owner', '<>', '')
    .orderBy([
      { column: 'score', order: 'desc' },
      { column: 'entity_ref', order: 'asc' },
    ]);
  const index = new Map<string, number>();
  const entities: ExemplarPoolEntity[] = entityRows.map((row, i) => {
    index.set(row.entity_ref, i);
    return {
      entityRef: row.entity_ref,
      owner: row.owner,
      system: opt(row.system),
      domain: opt(row.domain),
      type: opt(row.type),
      traits: parseTraits(row.traits),
    };
  });
  const passRows: Array<{ entity_ref: string; check_id: string }> = await db(
    'check_results',
  )
    .select('entity_ref', 'check_id')
    .where('state', 'pass');
  const passing = new Map<string, number[]>();
  for (const row of passRows) {
    const i = index.get(row.entity_ref);
    if (i === undefined) {
      continue;
    }
    let list = passing.get(row.check_id);
    if (!list) {
      list = [];
      passing.set(row.check_id, list);
    }
    list.push(i);
  }
  for (const list of passing.values()) {
    list.sort((a, b) => a - b);
  }
  return { version, entities, passing };
}

/**
 * Summaries and evidence of chosen exemplars, in the order of `picks`;
 * picks that no longer pass are left out.
 */
export async function getExemplarDetails(
  db: Knex,
  picks: ExemplarPick[],
): Promise<ExemplarDetails[]> {
  if (picks.length === 0) {
    return [];
  }
  const refs = [...new Set(picks.map(p => p.entityRef))];
  const checkIds = [...new Set(picks.map(p => p.checkId))];
  const [summaryRows, resultRows] = await Promise.all([
    whereRefIn(
      db,
      db('entity_scores').select(SUMMARY_COLUMNS),
      'entity_ref',
      refs,
    ) as Promise<SummaryRow[]>,
    whereRefIn(
      db,
      db('check_results')
        .select('entity_ref', 'check_id', 'evidence')
        .where('state', 'pass')
        .whereIn('check_id', checkIds),
      'entity_ref',
      refs,
    ) as Promise<
      Array<{ entity_ref: string; check_id: string; evidence: string }>
    >,
  ]);
  const summaries = new Map(summaryRows.map(r => [r.entity_ref, r]));
  const evidence = new Map(
    resultRows.map(r => [`${r.check_id}\n${r.entity_ref}`, r.evidence]),
  );
  const out: ExemplarDetails[] = [];
  for (const pick of picks) {
    const summary = summaries.get(pick.entityRef);
    const found = evidence.get(`${pick.checkId}\n${pick.entityRef}`);
    if (summary && found !== undefined) {
      out.push({
        ...pick,
        entity: toSummary(summary),
        evidence: parseEvidence(found),
      });
    }
  }
  return out;
}
