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
  /** The failing checks of the target level and below; absent without a target. */
  targetBlockingCheckIds?: string[];
  /** Checks passed on declared evidence only, nothing observed. */
  declaredOnlyCheckIds: string[];
  /** The owning team's contacts, `; `-separated; absent when none is known. */
  ownerContacts?: string;
}

/**
 * The columns of the CSV export (`GET /export?format=csv`), in order: every
 * field of {@link EntitySummary} (with the next level, the target and levels
 * to go), the failing check ids (space-separated), those that block the target,
 * the checks passed on declared evidence only, and the owner's contacts.
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
  'nextLevel',
  'target',
  'levelsToTarget',
  'gaps',
  'evaluatedAt',
  'failingCheckIds',
  'declaredOnlyCheckIds',
  'targetBlockingCheckIds',
  'ownerContacts',
];
