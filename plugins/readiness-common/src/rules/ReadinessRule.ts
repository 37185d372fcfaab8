import type { FilterPredicate } from '@backstage/filter-predicates';
import type { RepositoryFileKind } from '../types';

/**
 * One glob pattern or a list of them (any may match). See the package README
 * for the glob syntax: in paths `*` stops at `/` and `**` crosses
 * directories; in names `*` matches anything. Case-insensitive.
 *
 * @public
 */
export type GlobPatterns = string | string[];

/**
 * A primitive value compared by the rule language: strings compare
 * case-insensitively, numbers and strings compare by their text.
 *
 * @public
 */
export type RulePrimitive = string | number | boolean;

/**
 * Value conditions shared by `annotation`, `label`, `field` and `fact` rules.
 * At most one may be given; with none, the value must be present and not
 * empty (a non-blank string, a non-empty array or object, `true`, or any
 * number).
 *
 * @public
 */
export interface ValueCondition {
  /** `true`: the value is present (even if empty); `false`: it is absent. */
  exists?: boolean;
  /** The value equals this one. */
  equals?: RulePrimitive;
  /** The value equals one of these. */
  in?: RulePrimitive[];
  /** The value is a string matching one of these glob patterns. */
  matches?: GlobPatterns;
  /** The value is a number at least this big. */
  gte?: number;
  /** The value is a number at most this big. */
  lte?: number;
}

/**
 * Any of the given annotations is set (a key pattern may hold wildcards, e.g.
 * `grafana/*dashboard*`). Reads the `entity` namespace.
 *
 * @public
 */
export interface AnnotationRule extends ValueCondition {
  /** Annotation keys or key patterns; any set one may satisfy the rule. */
  annotation: GlobPatterns;
}

/**
 * What a link must look like. A link's kind is its `type` (case-insensitive,
 * with synonyms: `oncall` is `alerts`, `probe` is `synthetics`, …) or, when
 * the type is absent or not a known kind, inferred from its title keywords,
 * its `icon` and well-known URL hosts (see `classifyEntityLink`).
 *
 * @public
 */
export interface LinkMatcher {
  /** Link kinds, e.g. `runbook` or `['alerts', 'oncall']`. */
  type?: string | string[];
  /** Glob patterns over the title, e.g. `*runbook*`. */
  title?: GlobPatterns;
  /** Glob patterns over the URL, e.g. `https://grafana.example.com/*`. */
  url?: GlobPatterns;
  /** Backstage icon ids, e.g. `dashboard`. */
  icon?: string | string[];
}

/**
 * The entity has a link matching all given conditions. A string or a list is
 * shorthand for `{ type }`. Reads the `entity` namespace.
 *
 * @public
 */
export interface LinkRule {
  /** Link kinds, or the conditions a link must meet. */
  link: string | string[] | LinkMatcher;
}

/**
 * Any of the given labels is set (key patterns may hold wildcards).
 *
 * @public
 */
export interface LabelRule extends ValueCondition {
  /** Label keys or key patterns; any set one may satisfy the rule. */
  label: GlobPatterns;
}

/**
 * The entity has a tag matching one of the patterns.
 *
 * @public
 */
export interface TagRule {
  /** Tag patterns; any matching tag satisfies the rule. */
  tag: GlobPatterns;
}

/**
 * The entity declares a tier (see `readEntityTier`): `true` for any tier, or
 * the normalised tiers accepted, e.g. `['tier-1', 'tier-2']`.
 *
 * @public
 */
export interface TierRule {
  /**
   * `true` for any tier, or the tiers accepted (normalised before comparing).
   */
  tier: true | string | string[];
}

/**
 * A field of the entity, by dot-separated path (e.g. `spec.system`).
 *
 * @public
 */
export interface FieldRule extends ValueCondition {
  /** Dot-separated path into the entity, e.g. `spec.lifecycle`. */
  field: string;
}

/**
 * The entity matches a `@backstage/filter-predicates` expression, e.g.
 * `{ 'spec.lifecycle': { $in: ['production'] } }`.
 *
 * @public
 */
export interface FilterRule {
  /** The predicate the entity must match. */
  filter: FilterPredicate;
}

/**
 * Files of the source repository (`repository` namespace): glob patterns over
 * paths, or `{ kind, path }` where `kind` picks files the repository provider
 * classified (`ci`, `deploy`, `rollback`, `runbook`, `postmortem`, …; see
 * `RepositoryFileKind`) and `path` narrows them.
 *
 * @public
 */
export interface FileRule {
  /** Path patterns, or file kinds narrowed by path patterns. */
  file:
    | GlobPatterns
    | {
        kind?: RepositoryFileKind | RepositoryFileKind[];
        path?: GlobPatterns;
      };
}

/**
 * A dependency of the source repository (`repository` namespace): name
 * patterns, or `{ name, ecosystem }`.
 *
 * @public
 */
export interface DependencyRule {
  /** Name patterns, or name patterns narrowed to ecosystems. */
  dependency:
    | GlobPatterns
    | {
        name: GlobPatterns;
        ecosystem?: string | string[];
      };
}

/**
 * The owner of the entity (`owner` namespace) resolved in the catalog,
 * optionally of the given kind(s), e.g. `{ owner: { kind: 'group' } }`.
 *
 * @public
 */
export interface OwnerRule {
  /** Whether the owner must be resolved, and of which kind(s). */
  owner: {
    /** Default `true`. */
    resolved?: boolean;
    kind?: string | string[];
  };
}

/**
 * The owner has a contact of one of the given types (`owner` namespace):
 * `email` (a team email contact or the profile email), `chat`, `oncall`,
 * `url`, or `member-email` (a member of the owning group has an email).
 *
 * @public
 */
export interface OwnerContactRule {
  /** Contact types; the owner must have at least one of them. */
  ownerContact: OwnerContactType | OwnerContactType[];
}

/**
 * Contact types of {@link OwnerContactRule}.
 *
 * @public
 */
export type OwnerContactType =
  | 'email'
  | 'chat'
  | 'oncall'
  | 'url'
  | 'member-email';

/**
 * Live evidence of a golden signal (`metrics` namespace): any of the listed
 * signals is present.
 *
 * @public
 */
export interface SignalRule {
  /** Golden signals; live data for any of them satisfies the rule. */
  signal: GoldenSignal | GoldenSignal[];
}

/**
 * A golden signal.
 *
 * @public
 */
export type GoldenSignal = 'latency' | 'traffic' | 'errors' | 'saturation';

/**
 * A list of the `metrics` namespace is not empty: `alertRules`, `probes`,
 * `slos`, `alertRunbooks`, `burnRateAlerts` or `tlsProbes`, optionally with an entry matching `matches`.
 *
 * @public
 */
export interface MetricsRule {
  /** The list of the `metrics` namespace that must not be empty. */
  metrics:
    | 'alertRules'
    | 'probes'
    | 'slos'
    | 'alertRunbooks'
    | 'burnRateAlerts'
    | 'tlsProbes';
  /** Patterns one entry of the list must match, e.g. an alert name. */
  matches?: GlobPatterns;
}

/**
 * Any fact by path `<namespace>.<path>`, e.g. `owner.resolved` or a module's
 * `security.openFindings`. Reads that namespace.
 *
 * @public
 */
export interface FactRule extends ValueCondition {
  /** Path of the fact, namespace first, e.g. `pushed.coverage`. */
  fact: string;
}

/**
 * All of the rules hold.
 *
 * @public
 */
export interface AllOfRule {
  /** The rules that must all hold. */
  allOf: ReadinessRule[];
}

/**
 * At least one of the rules holds; evidence is collected from every rule that
 * holds.
 *
 * @public
 */
export interface AnyOfRule {
  /** The rules of which at least one must hold. */
  anyOf: ReadinessRule[];
}

/**
 * The rule does not hold.
 *
 * @public
 */
export interface NotRule {
  /** The rule that must not hold. */
  not: ReadinessRule;
}

/**
 * Undecided (`unknown`, with the reason and the namespace's problem) unless
 * the namespace's facts are there; with them, it does not hold. Used beside
 * a weak clue in an `allOf`, e.g. a repository pointer that only facts from
 * the repository can confirm.
 *
 * @public
 */
export interface NeedsFactsRule {
  /** The fact namespace whose facts would decide the matter. */
  needsFacts: string;
  /**
   * One line shown when the namespace's facts are missing, saying what they
   * would confirm.
   */
  reason: string;
}

/**
 * A declarative rule: JSON usable in app-config YAML. Evaluation is
 * three-valued: a rule reading a fact namespace that is `unavailable` is
 * undecided (`unknown`) unless the rest of the rule decides without it (an
 * `anyOf` with another passing branch, an `allOf` with another failing
 * branch). A namespace that is `not-configured` yields no evidence; if the
 * rule cannot decide without it, the check fails and its reason says what
 * was not checked.
 *
 * @public
 */
export type ReadinessRule =
  | AllOfRule
  | AnyOfRule
  | NotRule
  | AnnotationRule
  | LinkRule
  | LabelRule
  | TagRule
  | TierRule
  | FieldRule
  | FilterRule
  | FileRule
  | DependencyRule
  | OwnerRule
  | OwnerContactRule
  | SignalRule
  | MetricsRule
  | FactRule
  | NeedsFactsRule;
