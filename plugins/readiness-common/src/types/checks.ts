import type { FactDocument } from './facts';
import type { Evidence } from './results';

/**
 * The six categories of the production Definition of Done. Checks added in
 * configuration or by modules may use other category names.
 *
 * @public
 */
export const DEFAULT_CATEGORIES = [
  'monitoring',
  'logging',
  'tracing',
  'runbook',
  'delivery',
  'ownership',
] as const;

/**
 * A category id.
 *
 * @public
 */
export type CheckCategory = (typeof DEFAULT_CATEGORIES)[number] | (string & {});

/**
 * The default levels, lowest first. `readiness.levels` may rename or extend them.
 *
 * @public
 */
export const DEFAULT_LEVELS = ['bronze', 'silver', 'gold'] as const;

/**
 * A level definition.
 *
 * @public
 */
export interface LevelDefinition {
  /** Stable id, e.g. `silver`; checks and scores refer to it. */
  id: string;
  /** Name shown in badges and reasons, e.g. `Silver`. */
  title: string;
  /** Optional colour for badges (CSS colour). */
  color?: string;
}

/**
 * What a team should do about a failing check.
 *
 * @public
 */
export interface CheckRemediation {
  /** Markdown: what to do, and which annotation, link or file satisfies the check. */
  markdown: string;
  /** Further reading: docs of the tool or the practice. */
  links?: Array<{ title: string; url: string }>;
}

/**
 * What a rule concluded for one entity.
 *
 * @public
 */
export type RuleOutcome =
  | { state: 'pass'; evidence?: Evidence[]; reason?: string }
  | { state: 'fail'; evidence?: Evidence[]; reason?: string }
  | { state: 'unknown'; reason: string }
  | { state: 'not-applicable'; reason: string };

/**
 * A check written in code: gets the entity's facts, returns an outcome.
 * Must be pure and synchronous; throwing is turned into `unknown`.
 *
 * @public
 */
export type CodeRule = (facts: FactDocument) => RuleOutcome;

/**
 * A check of the production Definition of Done.
 *
 * @public
 */
export interface CheckDefinition {
  /** `category.name`, e.g. `delivery.rollback`. */
  id: string;
  /** Short name shown in scorecards and filters. */
  title: string;
  /** Why the check matters, in a sentence or two. */
  description?: string;
  /** The category it counts towards, for per-category scores. */
  category: CheckCategory;
  /** Level id, e.g. `bronze`. */
  level: string;
  /** Relative weight in the score; default 1. */
  weight: number;
  /**
   * Which entities it applies to. A filter predicate in the shape of
   * `@backstage/filter-predicates` over the entity, e.g.
   * `{ kind: 'component', 'spec.type': { $in: ['service', 'website'] } }`.
   * Absent means every entity.
   */
  appliesTo?: unknown;
  /**
   * Fact namespaces the check cannot be decided without: if any is not `ok`,
   * the result is `unknown` with that namespace's reason (e.g. `metrics` for
   * the golden-signal checks).
   */
  requires: string[];
  /**
   * Fact namespaces the rule may read besides `requires`, e.g. `repository`
   * for a check that passes from an annotation or from a file. When one is
   * `unavailable` and the rest of the rule cannot decide, the result is
   * `unknown`; when one is `not-configured`, it counts as "no evidence from
   * there". Inferred from a declarative rule when absent; informational for
   * code rules.
   */
  optional?: string[];
  /**
   * The rule: a declarative `ReadinessRule` (JSON, usable from app-config;
   * see the package README) or a `CodeRule` function.
   */
  rule: unknown | CodeRule;
  /**
   * What reality must show for a pass to stand: a declarative
   * `ReadinessRule` over live facts (e.g. `{ metrics: 'alertRules' }`).
   * When the check's rule passes, this one is evaluated too: if it holds,
   * its evidence is added (as `observed`); if it does not hold while its
   * facts are there, the result is `claimed` ("claimed, not observed": the
   * catalog claims it, reality does not show it); if its facts are not
   * there (no metrics provider, Prometheus unavailable), the pass stands on
   * the catalog's word. Absent: a pass is never checked against reality.
   */
  observe?: unknown;
  /**
   * Makes the check attested: no tool can see it (a DR drill, a load test, a
   * security review), so it passes while an owner-team member's attestation
   * (`attestations` namespace) is current, and fails with "attestation
   * expired on …" after. `rule` is then ignored and may be omitted.
   */
  attested?: {
    /** Days an attestation stays valid; default 180. */
    expiresAfterDays?: number;
  };
  /**
   * A warning band: a declarative `ReadinessRule` tried when `rule` fails.
   * When it holds, the result is `warn` instead of `fail`, e.g. rule
   * `{ fact: pushed.coverage, gte: 80 }` with warn
   * `{ fact: pushed.coverage, gte: 60 }`. A warning counts as not passing
   * for levels and the score.
   */
  warn?: unknown;
  /**
   * One-line reasons shown with the result; `warn` is used for a result in
   * the warning band (default: the `fail` message, marked as a warning);
   * `claimed` when `observe` does not hold (default: "Claimed, not
   * observed: " and the fail message).
   */
  messages: { pass: string; fail: string; warn?: string; claimed?: string };
  /** What a team should do when the check fails. */
  remediation: CheckRemediation;
  /**
   * The weakest evidence a pass may rest on: `declared` (the default: an
   * annotation, a typed link, a field) or `observed` (a repository file,
   * live series). A pass whose evidence is all weaker is a fail that says
   * so. A `hint` (a title or an icon alone) never carries a pass.
   */
  minStrength?: 'observed' | 'declared';
}
