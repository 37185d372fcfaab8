import type { Knex } from 'knex';
import type { StoredLevel, VisibleEntityRefs } from '../ReadinessStore';
import { opt, parseJson, toResults } from '../rows';
import { applyVisibility, whereRefIn } from '../sql';
import type { CheckResultRow, EntityScoreRow } from '../tables';

/** Entities whose results are read in one query. */
const CHUNK = 500;

/**
 * Every visible scored entity's level, blocking checks and latest result
 * states (reasons and evidence left out: a preview needs states only), read
 * in chunks of entities.
 */
export async function listStoredLevels(
  db: Knex,
  visibleEntityRefs: VisibleEntityRefs,
): Promise<StoredLevel[]> {
  const scores: Array<
    Pick<
      EntityScoreRow,
      'entity_ref' | 'owner' | 'level' | 'next_level' | 'blocking'
    > & { not_applicable: string | null }
  > = await applyVisibility(
    db,
    db('entity_scores')
      .select(
        'entity_ref',
        'owner',
        'level',
        'next_level',
        'blocking',
        'not_applicable',
      )
      .orderBy('entity_ref'),
    'entity_ref',
    visibleEntityRefs,
  );
  const levels: StoredLevel[] = [];
  for (let i = 0; i < scores.length; i += CHUNK) {
    const chunk = scores.slice(i, i + CHUNK);
    const rows: Array<
      Pick<CheckResultRow, 'entity_ref' | 'check_id' | 'state'>
    > = await whereRefIn(
      db,
      db('check_results').select('entity_ref', 'check_id', 'state'),
      'entity_ref',
      chunk.map(s => s.entity_ref),
    );
    const byEntity = new Map<string, CheckResultRow[]>();
    for (const row of rows) {
      const list = byEntity.get(row.entity_ref) ?? [];
      list.push({
        ...row,
        reason: '',
        evidence: '[]',
        exemption_id: null,
        updated_at: '',
      });
      byEntity.set(row.entity_ref, list);
    }
    for (const score of chunk) {
      levels.push({
        entityRef: score.entity_ref,
        owner: score.owner ? score.owner : undefined,
        level: opt(score.level),
        nextLevel: opt(score.next_level),
        blockingCheckIds: parseJson<string[]>(score.blocking, []),
        results: toResults(
          byEntity.get(score.entity_ref) ?? [],
          new Map(),
          score.not_applicable,
        ),
      });
    }
  }
  return levels;
}
