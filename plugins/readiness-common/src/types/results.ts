/**
 * The state of one check for one entity.
 *
 * - `pass` / `fail`: the rule decided.
 * - `warn`: the rule failed but the check's warning band holds (e.g. coverage
 *   72 with pass at 80 and warn at 60); counts as not passing for levels.
 * - `unknown`: a needed fact namespace is unavailable or not configured; never counted as a fail.
 * - `claimed`: claimed, not observed: the catalog claims it (an annotation, a
 *   link) but the live facts that could confirm it (e.g. Prometheus) do not
 *   show it. Counts as a fail for the score and for levels; shown apart.
 * - `exempt`: an active exemption covers it; counts as passing.
 * - `not-applicable`: the check does not apply to the entity; ignored.
 *
 * @public
 */
export type CheckState =
  | 'pass'
  | 'fail'
  | 'claimed'
  | 'warn'
  | 'unknown'
  | 'exempt'
  | 'not-applicable';

/**
 * All check states, in display order.
 *
 * @public
 */
export const CHECK_STATES: readonly CheckState[] = [
  'fail',
  'claimed',
  'warn',
  'unknown',
  'pass',
  'exempt',
  'not-applicable',
];

/**
 * Check categories that are not operational: an entity to which only checks
 * of these categories apply gets no level (see `EntityScorecard.levelApplicable`).
 *
 * @public
 */
export const NON_OPERATIONAL_CATEGORIES: readonly string[] = [
  'ownership',
  'api',
];

/**
 * The states that are gaps: what a team must fix. A plain `fail`, `claimed`
 * (the catalog claims it, reality does not show it), and `warn` (in the
 * warning band: it blocks its level like a fail, so it is counted and found
 * like one). Searches by failing check, gap counts, learn-from, level-change
 * notices and the CLI's reports use these.
 *
 * @public
 */
export const GAP_STATES: readonly CheckState[] = ['fail', 'claimed', 'warn'];

/**
 * What a piece of evidence is, in display order. The OpenAPI spec's
 * `Evidence.kind` enum lists the same values.
 *
 * @public
 */
export const EVIDENCE_KINDS = [
  'annotation',
  'link',
  'file',
  'dependency',
  'series',
  'relation',
  'field',
  'label',
  'tag',
] as const;

/**
 * A kind of evidence; one of {@link EVIDENCE_KINDS}.
 *
 * @public
 */
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/**
 * How strong a piece of evidence is, strongest first:
 *
 * - `observed`: seen in reality (a file in the repository, live series or
 *   alert rules in Prometheus, a link that answered).
 * - `declared`: an annotation or a typed link that names a tool instance.
 * - `hint`: only a title or an icon; a hint alone never passes a check.
 *
 * @public
 */
export const EVIDENCE_STRENGTHS = ['observed', 'declared', 'hint'] as const;

/**
 * The strength of a piece of evidence; one of {@link EVIDENCE_STRENGTHS}.
 *
 * @public
 */
export type EvidenceStrength = (typeof EVIDENCE_STRENGTHS)[number];

/**
 * What made a check pass (or what was looked at).
 *
 * @public
 */
export interface Evidence {
  /** Where it was found, for display and filtering. */
  kind: EvidenceKind;
  /** What it is, e.g. `pagerduty.com/service-id` or `runbook link "Runbook"`. */
  label: string;
  /** The value found. */
  value?: string;
  /** Where to see it. */
  url?: string;
  /** How strong it is; absent on results written before strengths existed. */
  strength?: EvidenceStrength;
}

/**
 * An exemption of one entity from one check.
 *
 * @public
 */
export interface Exemption {
  /** Id of the exemption, for `DELETE /exemptions/{id}`. */
  id: string;
  /** Full ref of the exempted entity. */
  entityRef: string;
  /** The check it is exempted from. */
  checkId: string;
  /** Why, as the granter wrote it. */
  reason: string;
  /** User entity ref of who granted it. */
  author: string;
  /** When it was granted (ISO 8601). */
  createdAt: string;
  /** ISO timestamp; absent means no expiry. Expired exemptions stop applying. */
  expiresAt?: string;
}

/**
 * The result of one check for one entity.
 *
 * @public
 */
export interface CheckResult {
  /** The check this result is of. */
  checkId: string;
  /** What the check concluded for the entity. */
  state: CheckState;
  /** One line, shown to users. */
  reason: string;
  /** What made it pass, or what was looked at. */
  evidence: Evidence[];
  /** The exemption that applies when `state` is `exempt`. */
  exemption?: Exemption;
  /**
   * Set on `unknown` results whose needed namespace has no provider in this
   * installation (e.g. no metrics module). Such results do not block a level:
   * a level nobody can reach measures the platform, not the team.
   */
  notConfigured?: boolean;
}

/**
 * Per-category roll-up of one entity's results.
 *
 * @public
 */
export interface CategorySummary {
  /** The category summed up. */
  category: string;
  /** Passing or exempt. */
  passed: number;
  /** Failing or warning, including `claimed` (claimed, not observed). */
  failed: number;
  /** Checks that could not be decided (facts missing). */
  unknown: number;
  /** Checks that apply (everything but not-applicable). */
  applicable: number;
  /** 0–100, weighted. */
  score: number;
}

/**
 * An entity's score: the engine's output for one fact document.
 *
 * @public
 */
export interface EntityScorecard {
  /** Full ref of the entity scored. */
  entityRef: string;
  /** Weighted share of passing applicable checks, 0–100, exempt counting as passing. */
  score: number;
  /** The highest level achieved; absent when not even the lowest is reached. */
  level?: string;
  /**
   * `false` when no operational check applies to the entity (only checks of
   * {@link NON_OPERATIONAL_CATEGORIES}, e.g. an API or a System): it gets a
   * score over those checks but no level, and `levelReason` says why.
   * Absent on scorecards written before this existed (read: `true`).
   */
  levelApplicable?: boolean;
  /** Why no level is given, when `levelApplicable` is `false`. */
  levelReason?: string;
  /** The next level to reach; absent at the top. */
  nextLevel?: string;
  /** Checks of `nextLevel` (and lower) still standing in the way. */
  blockingCheckIds: string[];
  /** One result per check of the pack. */
  results: CheckResult[];
  /** Per-category counts and scores, in the pack's category order. */
  categories: CategorySummary[];
  /** When the facts were evaluated (ISO 8601). */
  evaluatedAt: string;
}
