import type { Knex } from 'knex';
import { upsertRows } from '../sql';

/*
 * The catalog `metadata.etag` of each entity as last scored (migration
 * 20261205130000), for the delta pass: an entity whose etag in the catalog
 * differs (or that has none stored) is new or changed.
 */

/** Every stored etag by entity ref. */
export async function listEntityEtags(db: Knex): Promise<Map<string, string>> {
  const rows: Array<{ entity_ref: string; etag: string }> = await db(
    'entity_etags',
  ).select('entity_ref', 'etag');
  return new Map(rows.map(row => [row.entity_ref, row.etag]));
}

/** Records the etags of entities just scored. */
export async function saveEntityEtags(
  db: Knex,
  etags: ReadonlyMap<string, string>,
): Promise<void> {
  await upsertRows(
    db,
    'entity_etags',
    [...etags].map(([entity_ref, etag]) => ({ entity_ref, etag })),
    { conflict: ['entity_ref'] },
  );
}

/** Forgets the etags of entities removed from the store. */
export async function deleteEntityEtags(
  db: Knex,
  entityRefs: string[],
): Promise<void> {
  for (let i = 0; i < entityRefs.length; i += 500) {
    await db('entity_etags')
      .whereIn('entity_ref', entityRefs.slice(i, i + 500))
      .delete();
  }
}
