import type { EntitySummary } from '../types/api';

/**
 * The columns of the CSV export (`GET /export?format=csv`), in order: every
 * field of {@link EntitySummary} except the optional `failingCheckIds`.
 *
 * @public
 */
export const EXPORT_CSV_COLUMNS: ReadonlyArray<
  Exclude<keyof EntitySummary, 'failingCheckIds'>
> = [
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
];
