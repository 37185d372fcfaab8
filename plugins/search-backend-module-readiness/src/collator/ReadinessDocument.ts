import type { IndexableDocument } from '@backstage/plugin-search-common';

/**
 * The search document of one scored entity: its readiness level, score and
 * gaps, phrased so that queries such as "payments missing runbook" or
 * "no rollback" find it.
 *
 * @public
 */
export interface ReadinessDocument extends IndexableDocument {
  /** e.g. `component:default/payments-api`. */
  entityRef: string;
  /** Catalog kind of the entity, lower case. */
  kind: string;
  /** Catalog namespace of the entity. */
  namespace: string;
  /** Catalog name of the entity. */
  name: string;
  /** Level id reached, or an empty string below the lowest level. */
  level: string;
  /** Score 0–100. */
  score: number;
  /** Owner ref, e.g. `group:default/team-payments`; empty when unknown. */
  owner: string;
  /** System ref; empty when the entity has none. */
  system: string;
  /** Ids of the failing checks. */
  failingChecks: string[];
  /** Titles of the failing checks, in the same order. */
  failingCheckTitles: string[];
  /** Categories with at least one failing check. */
  categories: string[];
}
