import type { Contact, TeamContact } from '@prodready/plugin-readiness-common';
import type { Knex } from 'knex';
import { opt, parseJson } from '../rows';
import { whereRefIn } from '../sql';
import type { OwnerRow } from '../tables';

/** Contacts of the given owners that are known. */
export async function getOwners(
  db: Knex,
  ownerRefs: string[],
): Promise<Map<string, TeamContact>> {
  const out = new Map<string, TeamContact>();
  const unique = [...new Set(ownerRefs.filter(Boolean))];
  if (unique.length === 0) {
    return out;
  }
  const rows: OwnerRow[] = await whereRefIn(
    db,
    db('owners').select('*'),
    'owner_ref',
    unique,
  );
  for (const row of rows) {
    out.set(row.owner_ref, {
      ref: row.owner_ref,
      displayName: opt(row.display_name),
      contacts: parseJson<Contact[]>(row.contacts, []),
    });
  }
  return out;
}
