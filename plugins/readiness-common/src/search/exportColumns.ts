import type { EntitySummary } from '../types/api';

/**
 * One row of an export: an entity's summary with its failing check ids and
 * its owner's contacts (e.g. `payments@example.com; #payments`), so that an
 * export can drive an outreach list.
 *
 * @public
 */
export interface ExportRow extends EntitySummary {
  /** Ids of the checks the entity fails, always present in an export. */
  failingCheckIds: string[];
  /** The owning team's contacts, `; `-separated; absent when none is known. */
  ownerContacts?: string;
}

/**
 * The columns of the CSV export (`GET /export?format=csv`), in order: every
 * field of {@link EntitySummary}, the failing check ids (space-separated)
 * and the owner's contacts.
 *
 * @public
 */
export const EXPORT_CSV_COLUMNS: ReadonlyArray<keyof ExportRow> = [
  'entityRef',
  'kind',
  'namespace',
  'name',
  'title',
  'type',
  'lifecycle',
  'owner',
  'system',
  'domain',
  'tier',
  'score',
  'level',
  'gaps',
  'evaluatedAt',
  'failingCheckIds',
  'ownerContacts',
];
