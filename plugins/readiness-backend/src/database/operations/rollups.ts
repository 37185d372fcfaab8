import type { CategorySummary } from '@prodready/plugin-readiness-common';
import type { Knex } from 'knex';
import {
  OwnerCheckCounts,
  PASSING_STATES,
  RollupEntityRow,
  VisibleEntityRefs,
} from '../ReadinessStore';
import { opt, parseJson } from '../rows';
import { applyVisibility } from '../sql';
import { GAP_STATES } from '@prodready/plugin-readiness-common';

/*
 * Reads behind roll-ups and champions.
 */

/** Every visible scored entity's row for a roll-up by the given field. */
export async function listRollupRows(
  db: Knex,
  groupBy: 'owner' | 'system' | 'domain',
  visibleEntityRefs: VisibleEntityRefs,
): Promise<RollupEntityRow[]> {
  const rows: Array<{
    key: string | null;
    score: number;
    level: string | null;
    next_level: string | null;
    tier: string | null;
    categories: string;
  }> = await applyVisibility(
    db,
    db('entity_scores').select({
      key: groupBy,
      score: 'score',
      level: 'level',
      next_level: 'next_level',
      tier: 'tier',
      categories: 'categories',
    }),
    'entity_ref',
    visibleEntityRefs,
  );
  return rows.map(r => ({
    key: r.key ? r.key : undefined,
    score: Number(r.score),
    level: opt(r.level),
    nextLevel: opt(r.next_level),
    tier: opt(r.tier),
    categories: parseJson<CategorySummary[]>(r.categories, []),
  }));
}

/**
 * Pass counts per owner and check: entities passing (any of
 * {@link PASSING_STATES}) of those with a decided result.
 */
export async function listOwnerCheckCounts(
  db: Knex,
  options: { checkId?: string; visibleEntityRefs: VisibleEntityRefs },
): Promise<OwnerCheckCounts[]> {
  const passing = PASSING_STATES.map(() => '?').join(', ');
  const qb = db('check_results as r')
    .join('entity_scores as s', 's.entity_ref', 'r.entity_ref')
    .select('r.check_id', 's.owner')
    .select(
      db.raw(
        `sum(case when r.state in (${passing}) then 1 else 0 end) as passing`,
        PASSING_STATES,
      ),
    )
    .select(db.raw('count(*) as applicable'))
    .whereIn('r.state', [...PASSING_STATES, ...GAP_STATES])
    .andWhere('s.owner', '<>', '')
    .groupBy('r.check_id', 's.owner');
  if (options.checkId) {
    qb.andWhere('r.check_id', options.checkId);
  }
  applyVisibility(db, qb, 's.entity_ref', options.visibleEntityRefs);
  const rows: Array<{
    check_id: string;
    owner: string;
    passing: number | string;
    applicable: number | string;
  }> = await qb;
  return rows.map(r => ({
    checkId: r.check_id,
    owner: r.owner,
    passing: Number(r.passing),
    applicable: Number(r.applicable),
  }));
}
