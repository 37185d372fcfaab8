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
  /**
   * Categories with at least one failing check, as `category:<id>`
   * (`category:runbook`): the bare category word in a field this short would
   * rank a service that only lacks postmortems above those without a runbook
   * for "missing runbook".
   */
  categories: string[];
  /**
   * One field per check of the pack, `gap_` and the check id with its dots
   * as underscores (`gap_runbook_runbook`): the failing check's title and
   * synonyms ("runbook linked; runbook, playbook"), or an empty string when
   * the check does not fail. Every document has every field, as the Lunr
   * engine takes its fields from the first document. A short field of its
   * own lets a gap's words weigh the same however many other gaps the entity
   * has, and more than the owner's or the level's words.
   */
  [gapField: `gap_${string}`]: string;
  /** Ids of the checks passed on declared evidence only, nothing observed. */
  declaredOnlyChecks: string[];
}
