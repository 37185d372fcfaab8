import type { Knex } from 'knex';
import { upsertRows } from '../sql';

/*
 * The catalog `metadata.etag` of each entity as last scored (migration
 * 20261205130000), for the delta pass: an entity whose etag in the catalog
 * differs (or that has none stored) is new or changed.
 */

/**
 * Stored in place of an entity's etag when a dependency's level moved: the
 * catalog's etag never equals it, so the next delta pass rescores the entity
 * (its dependency facts are then current). Kept in the database, so that
 * whichever replica runs the next pass sees it.
 */
export const DEPENDENCY_MOVED_ETAG = 'readiness:dependency-moved';

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

/**
 * Marks already scored entities for the next delta pass (see
 * {@link DEPENDENCY_MOVED_ETAG}); entities never scored are left alone (the
 * pass scores them as new anyway). Returns how many were marked.
 */
export async function markEntityEtags(
  db: Knex,
  entityRefs: string[],
): Promise<number> {
  let marked = 0;
  for (let i = 0; i < entityRefs.length; i += 500) {
    marked += await db('entity_etags')
      .whereIn('entity_ref', entityRefs.slice(i, i + 500))
      .whereNot('etag', DEPENDENCY_MOVED_ETAG)
      .update({ etag: DEPENDENCY_MOVED_ETAG });
  }
  return marked;
}
