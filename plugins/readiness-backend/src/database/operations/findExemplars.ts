import type { Evidence } from '@prodready/plugin-readiness-common';
import type { Knex } from 'knex';
import type { ExemplarCandidate, ExemplarQuery } from '../ReadinessStore';
import {
  parseJson,
  parseTraits,
  SUMMARY_COLUMNS,
  SummaryRow,
  toSummary,
} from '../rows';
import { applyVisibility, escapeLike, LIKE_ESCAPE } from '../sql';

/** At most this many traits take part in similarity ranking. */
const MAX_SIMILARITY_TRAITS = 10;

/**
 * Learn-from exemplars: per failing check, entities of other owners passing
 * it, ranked by similarity (system +3, domain +2, type +1, each shared trait
 * +1), then score; at most `limit` per check.
 */
export async function findExemplars(
  db: Knex,
  query: ExemplarQuery,
): Promise<ExemplarCandidate[]> {
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
  const inner = db('check_results as r')
    .join('entity_scores as s', 's.entity_ref', 'r.entity_ref')
    .select(
      'r.check_id',
      'r.evidence',
      's.traits',
      ...SUMMARY_COLUMNS.map(c => `s.${c}`),
    )
    .select(db.raw(`${similarity} as similarity`, bindings))
    .select(
      db.raw(
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
  applyVisibility(db, inner, 's.entity_ref', query.visibleEntityRefs);
  const rows: Array<
    SummaryRow & {
      check_id: string;
      evidence: string;
      traits: string;
      similarity: number | string;
      rn: number | string;
    }
  > = await db
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
