/*
 * Row types of the readiness store, one per table of
 * migrations/20250601000000_init.js. Timestamps are ISO-8601 UTC strings.
 */

/**
 * Row of `entity_scores`: the latest score of one entity.
 *
 * @internal
 */
export interface EntityScoreRow {
  entity_ref: string;
  kind: string;
  namespace: string;
  name: string;
  title: string | null;
  type: string | null;
  lifecycle: string | null;
  /** Owner entity ref; `''` when the entity has none. */
  owner: string;
  system: string | null;
  domain: string | null;
  tier: string | null;
  score: number;
  level: string | null;
  /** 1-based position of `level` in the pack's level order; 0 for none. */
  level_rank: number;
  gaps: number;
  next_level: string | null;
  /** JSON array of check ids. */
  blocking: string;
  /** JSON `CategorySummary[]`. */
  categories: string;
  /** `|tag:x|lang:y|`. */
  traits: string;
  search_text: string;
  evaluated_at: string;
  /** Digest of the results (migration 20250602000000). */
  results_hash: string;
  /** JSON object of check id to reason for checks that do not apply. */
  not_applicable: string;
}

/**
 * Row of `check_results`: the latest result of one check for one entity.
 *
 * @internal
 */
export interface CheckResultRow {
  entity_ref: string;
  check_id: string;
  state: string;
  reason: string;
  /** JSON `Evidence[]`. */
  evidence: string;
  exemption_id: string | null;
  updated_at: string;
}

/**
 * Row of `check_history`: one change of state.
 *
 * @internal
 */
export interface CheckHistoryRow {
  id?: number | string;
  entity_ref: string;
  check_id: string;
  from_state: string | null;
  to_state: string;
  at: string;
  /**
   * Evaluation time of the score the change was found against; with entity,
   * check and `to_state` the unique key of a change (migration
   * 20251205100000), so concurrent scorings write it once.
   */
  from_evaluated_at: string;
}

/**
 * Row of `score_snapshots`: an entity's score and level on a day when either
 * changed. A null score marks the entity's removal from the catalog.
 *
 * @internal
 */
export interface ScoreSnapshotRow {
  entity_ref: string;
  /** `YYYY-MM-DD`. */
  day: string;
  score: number | null;
  level: string | null;
}

/**
 * Row of `owners`: contacts of an owning group.
 *
 * @internal
 */
export interface OwnerRow {
  owner_ref: string;
  display_name: string | null;
  /** JSON `Contact[]`. */
  contacts: string;
  updated_at: string;
}

/**
 * Row of `runs`.
 *
 * @internal
 */
export interface RunRow {
  id: string;
  trigger: string;
  status: string;
  /** False while a requested run waits for the scheduler to pick it up. */
  claimed: boolean | number;
  started_at: string;
  finished_at: string | null;
  heartbeat_at: string;
  entities_total: number | null;
  entities_done: number;
  /** JSON `string[]`. */
  errors: string;
  /**
   * `full` while a full run runs, else null; unique, so one full run at a
   * time (migration 20251205110000).
   */
  active: string | null;
}

/**
 * Row of `exemptions`.
 *
 * @internal
 */
export interface ExemptionRow {
  id: string;
  entity_ref: string;
  check_id: string;
  reason: string;
  author: string;
  created_at: string;
  expires_at: string | null;
}

/**
 * Row of `entity_scorecards` (migration 20261205150000): one entity's
 * precomputed scorecard.
 *
 * @internal
 */
export interface EntityScorecardRow {
  entity_ref: string;
  /** JSON `ScorecardDocument`. */
  document: string;
  built_at: string;
}
