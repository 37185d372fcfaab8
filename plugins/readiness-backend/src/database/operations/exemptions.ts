import type { Exemption } from '@prodready/plugin-readiness-common';
import type { Knex } from 'knex';
import type { ExemptionFilter } from '../ReadinessStore';
import { toExemption, toExemptionRow } from '../rows';
import { applyVisibility } from '../sql';
import type { ExemptionRow } from '../tables';

/*
 * Exemptions of entities from checks.
 */

/** Creates an exemption. */
export async function createExemption(
  db: Knex,
  exemption: Exemption,
): Promise<void> {
  await db('exemptions').insert(toExemptionRow(exemption));
}

/** One exemption, expired or not. */
export async function getExemption(
  db: Knex,
  id: string,
): Promise<Exemption | undefined> {
  const row: ExemptionRow | undefined = await db('exemptions')
    .where('id', id)
    .first();
  return row ? toExemption(row) : undefined;
}

/** Deletes an exemption; false when there was none. */
export async function deleteExemption(db: Knex, id: string): Promise<boolean> {
  const deleted = await db('exemptions').where('id', id).delete();
  return deleted > 0;
}

/** Exemptions not expired at `filter.activeAt`, newest first. */
export async function listExemptions(
  db: Knex,
  filter: ExemptionFilter,
): Promise<Exemption[]> {
  const qb = db('exemptions')
    .select('*')
    .where(inner =>
      inner
        .whereNull('expires_at')
        .orWhere('expires_at', '>', filter.activeAt.toISOString()),
    );
  if (filter.entityRef) {
    qb.andWhere('entity_ref', filter.entityRef);
  }
  if (filter.checkId) {
    qb.andWhere('check_id', filter.checkId);
  }
  applyVisibility(db, qb, 'entity_ref', filter.visibleEntityRefs);
  const rows: ExemptionRow[] = await qb.orderBy([
    { column: 'created_at', order: 'desc' },
    { column: 'id', order: 'asc' },
  ]);
  return rows.map(toExemption);
}
