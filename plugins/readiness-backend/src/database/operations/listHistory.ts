import type {
  CheckState,
  HistoryEvent,
} from '@prodready/plugin-readiness-common';
import type { Knex } from 'knex';
import type { CheckHistoryRow } from '../tables';

/** An entity's change history, newest first. */
export async function listHistory(
  db: Knex,
  entityRef: string,
  limit: number,
): Promise<HistoryEvent[]> {
  const rows: CheckHistoryRow[] = await db('check_history')
    .where('entity_ref', entityRef)
    .orderBy([
      { column: 'at', order: 'desc' },
      { column: 'id', order: 'desc' },
    ])
    .limit(limit);
  return rows.map(r => ({
    checkId: r.check_id,
    from: r.from_state ? (r.from_state as CheckState) : undefined,
    to: r.to_state as CheckState,
    at: r.at,
  }));
}
