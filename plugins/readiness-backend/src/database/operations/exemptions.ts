import type { Exemption } from '@prodready/plugin-readiness-common';
import type { Knex } from 'knex';
import type { ExemptionFilter } from '../ReadinessStore';
import { toExemption, toExemptionRow } from '../rows';
import { applyVisibility } from '../sql';
import { buildScorecardDocuments } from './scorecardDocuments';
import { bumpScoresVersion } from './scoresVersion';
import type { ExemptionRow } from '../tables';

/*
 * Exemptions of entities from checks.
 */

/*
 * Every write of an exemption bumps the scores version in its transaction:
 * exemptions show in scorecards and searches, so every replica's caches
 * derived from the scores go stale with it.
 */

/** Creates an exemption. */
export async function createExemption(
  db: Knex,
  exemption: Exemption,
): Promise<void> {
  await db.transaction(async tx => {
    await tx('exemptions').insert(toExemptionRow(exemption));
    await bumpScoresVersion(tx);
  });
}

/**
 * Creates an exemption, or, when the entity already has an active exemption
 * from the check, updates that one instead (its id and creation time stay;
 * reason, author and expiry are the new ones): one active exemption per
 * entity and check. Returns the exemption as stored.
 */
export async function saveExemption(
  db: Knex,
  exemption: Exemption,
  activeAt: Date,
): Promise<{ exemption: Exemption; updated: boolean }> {
  return db.transaction(async tx => {
    const active: ExemptionRow | undefined = await tx('exemptions')
      .where({ entity_ref: exemption.entityRef, check_id: exemption.checkId })
      .andWhere(inner =>
        inner
          .whereNull('expires_at')
          .orWhere('expires_at', '>', activeAt.toISOString()),
      )
      .orderBy([
        { column: 'created_at', order: 'desc' },
        { column: 'id', order: 'asc' },
      ])
      .first();
    if (!active) {
      await tx('exemptions').insert(toExemptionRow(exemption));
      await bumpScoresVersion(tx);
      return { exemption, updated: false };
    }
    const row: ExemptionRow = {
      ...active,
      reason: exemption.reason,
      author: exemption.author,
      expires_at: exemption.expiresAt ?? null,
    };
    await tx('exemptions').where('id', active.id).update({
      reason: row.reason,
      author: row.author,
      expires_at: row.expires_at,
    });
    // Results show their exemption: the entity's scorecard changed (its
    // document time may not move within a millisecond; the counter does).
    await buildScorecardDocuments(tx, [row.entity_ref], new Date());
    await bumpScoresVersion(tx);
    return { exemption: toExemption(row), updated: true };
  });
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
  return db.transaction(async tx => {
    const row: Pick<ExemptionRow, 'entity_ref'> | undefined = await tx(
      'exemptions',
    )
      .select('entity_ref')
      .where('id', id)
      .first();
    if (!row) {
      return false;
    }
    await tx('exemptions').where('id', id).delete();
    // Results show their exemption: the entity's scorecard changed (its
    // document time may not move within a millisecond; the counter does).
    await buildScorecardDocuments(tx, [row.entity_ref], new Date());
    await bumpScoresVersion(tx);
    return true;
  });
}

/** Exemptions not expired at `filter.activeAt`, newest first. */
export async function listExemptions(
  db: Knex,
  filter: ExemptionFilter,
): Promise<Exemption[]> {
  const qb = db('exemptions').select('*');
  if (!filter.includeExpired) {
    qb.where(inner =>
      inner
        .whereNull('expires_at')
        .orWhere('expires_at', '>', filter.activeAt.toISOString()),
    );
  }
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
