import type { Attestation, Contact, PushedFact } from './facts';
import type { JsonValue } from '@backstage/types';
import type { TargetGap } from '../targets/TargetGap';
import type { CheckRemediation, LevelDefinition } from './checks';
import type {
  CategorySummary,
  CheckResult,
  CheckState,
  Exemption,
} from './results';
import type {
  SearchFilters,
  SearchOrder,
  SearchSort,
} from '../search/searchFilters';

/*
 * Shapes of the REST API at /api/readiness. The OpenAPI spec of the backend
 * (plugins/readiness-backend/src/schema/openapi.yaml) is the source of truth;
 * these types mirror it for the frontend client and other consumers.
 */

/**
 * A check as the API describes it (no rule code).
 *
 * @public
 */
export interface CheckInfo {
  /**
   * Stable id, `category.name` (e.g. `delivery.rollback`); results, exemptions
   * and searches refer to the check by it.
   */
  id: string;
  /** Short name shown in scorecards and filters. */
  title: string;
  /** Why the check matters, in a sentence or two. */
  description?: string;
  /**
   * The category it counts towards (e.g. `monitoring`), for per-category
   * scores.
   */
  category: string;
  /** Id of the lowest level that requires the check to pass. */
  level: string;
  /** Relative weight of the check in the score. */
  weight: number;
  /**
   * Fact namespaces without which the check is `unknown` rather than decided.
   */
  requires: string[];
  /** Namespaces read when available (see `CheckDefinition.optional`). */
  optional?: string[];
  /** Set on attested checks: days an attestation stays valid. */
  attested?: { expiresAfterDays: number };
  /**
   * Set on advisory checks: shown and searched, not counted in levels or
   * the score (see `CheckDefinition.advisory`).
   */
  advisory?: boolean;
  /**
   * The weakest evidence a pass may rest on (`CheckDefinition.minStrength`,
   * `declared` when the check does not set it).
   */
  minStrength: 'observed' | 'declared';
  /** What a team should do when the check fails. */
  remediation: CheckRemediation;
}

/**
 * A fact namespace that checks read but no provider of this installation
 * fills, so that those checks cannot see it anywhere.
 *
 * @public
 */
export interface SetupGap {
  /** e.g. `metrics`. */
  namespace: string;
  /** The checks that read it (required or optional), in pack order. */
  checkIds: string[];
  /** How to make the installation collect it, in Markdown. */
  howTo: string;
}

/**
 * What this installation cannot see, said once per page rather than in the
 * reason of every check it affects.
 *
 * @public
 */
export interface SetupNotice {
  /** Namespaces no provider fills; empty when nothing is missing. */
  missing: SetupGap[];
  /**
   * Entities whose source location is a local path this installation does
   * not read; absent when there are none.
   */
  localPaths?: SetupLocalPaths;
}

/**
 * Entities whose source location is a local path (`dir:` or `file:`) that
 * the backend is not allowed to read, so that the checks reading their
 * repository cannot judge them.
 *
 * @public
 */
export interface SetupLocalPaths {
  /** How many entities, as of their last scoring on this backend. */
  entityCount: number;
  /** One of their source locations, e.g. `/srv/repos/payments`. */
  examplePath: string;
  /**
   * The config key to set: `readiness.repository.allowLocalPaths` when
   * local paths are not read at all, `readiness.repository.localRoots` when
   * these are outside the directories that are read.
   */
  configKey: string;
  /** The checks that read the repository, in pack order. */
  checkIds: string[];
  /** How to let the backend read them, in Markdown. */
  howTo: string;
}

/**
 * `GET /checks`.
 *
 * @public
 */
export interface CheckPackResponse {
  /** The levels, lowest first. */
  levels: LevelDefinition[];
  /** Categories that have checks, in display order. */
  categories: string[];
  /** Every check of the pack, without its rule. */
  checks: CheckInfo[];
  /** What the installation cannot see (absent from offline packs). */
  setup?: SetupNotice;
}

/**
 * The catalog fields of a scored entity, kept with its score for search and roll-ups.
 *
 * @public
 */
export interface EntitySummary {
  /** Full ref of the entity, e.g. `component:default/payments-api`. */
  entityRef: string;
  /** Catalog kind, lower-cased as in the ref. */
  kind: string;
  /** Catalog namespace. */
  namespace: string;
  /** Catalog name (`metadata.name`). */
  name: string;
  /** `metadata.title`, when the entity has one. */
  title?: string;
  /** `spec.type`, e.g. `service`. */
  type?: string;
  /** `spec.lifecycle`, e.g. `production`. */
  lifecycle?: string;
  /** Full ref of the owner (`spec.owner`). */
  owner?: string;
  /** Full ref of the system the entity belongs to. */
  system?: string;
  /** Full ref of the domain, through the system when there is one. */
  domain?: string;
  /** The entity's tier, normalised (see `readEntityTier`), e.g. `tier-1`. */
  tier?: string;
  /** Weighted share of passing applicable checks, 0–100. */
  score: number;
  /** Id of the highest level reached; absent below the lowest. */
  level?: string;
  /**
   * The next level to reach; absent at the top level and when no level
   * applies (neither `level` nor `nextLevel`: an API, a System).
   */
  nextLevel?: string;
  /**
   * The target level of the entity's tier (`readiness.targets.byTier`);
   * absent when its tier has none or no level applies.
   */
  target?: string;
  /** Levels still to reach `target`; 0 when met; absent without a target. */
  levelsToTarget?: number;
  /** Count of failing checks. */
  gaps: number;
  /** When the entity was last scored (ISO 8601). */
  evaluatedAt: string;
  /**
   * Ids of the failing checks. Only in `GET /search` items when the request
   * asks for them with `include=failing`.
   */
  failingCheckIds?: string[];
  /**
   * Ids of the checks passed on declared evidence only, nothing observed.
   * Only in `GET /search` items when the request asks for them with
   * `include=declaredOnly`.
   */
  declaredOnlyCheckIds?: string[];
}

/**
 * A team that can help, with how to reach it.
 *
 * @public
 */
export interface TeamContact {
  /** Full ref of the team (or user). */
  ref: string;
  /** Name to show, from the profile or title. */
  displayName?: string;
  /** Ways to reach the team: email, chat, on-call, pages. */
  contacts: Contact[];
}

/**
 * An entity of another owner that passes a check the caller's entity fails.
 *
 * @public
 */
export interface LearnFromExemplar {
  /** The entity that passes the check. */
  entity: EntitySummary;
  /** The team that owns it, to ask how they did it. */
  owner: TeamContact;
  /** Why it was picked, e.g. `same system`, `same type`, `shares tag java`. */
  similarity: string[];
  /** The evidence that made it pass: how they did it. */
  evidence: CheckResult['evidence'];
}

/**
 * A change of state of one check, from change-only history.
 *
 * @public
 */
export interface HistoryEvent {
  /** The check whose state changed. */
  checkId: string;
  /** The state before; absent on the check's first result. */
  from?: CheckState;
  /** The state after the change. */
  to: CheckState;
  /** When the change was scored (ISO 8601). */
  at: string;
}

/**
 * One point of an entity's or the organisation's score over time.
 *
 * @public
 */
export interface TrendPoint {
  /** ISO date (day). */
  date: string;
  /** Mean score. */
  score: number;
  /** Entities at each level id; `none` for entities below the lowest level. */
  levels: Record<string, number>;
}

/**
 * `GET /entities/{kind}/{namespace}/{name}`: one entity's scorecard.
 *
 * @public
 */
export interface EntityScorecardResponse {
  /** The entity's catalog fields, score and level. */
  entity: EntitySummary;
  /**
   * `false` when no operational check applies (e.g. an API or a System): the
   * entity has a score over its checks but no level; `levelReason` says why.
   * The backend always sets it; absent reads as `true`.
   */
  levelApplicable?: boolean;
  /** Why no level is given, when `levelApplicable` is `false`. */
  levelReason?: string;
  /** The next level to reach; absent at the top. */
  nextLevel?: string;
  /** Checks of `nextLevel` (and lower) still standing in the way. */
  blockingCheckIds: string[];
  /**
   * The gap to the target level of the entity's tier, with the checks in
   * the way; absent without a target (see `entity.target`).
   */
  targetGap?: TargetGap;
  /** Per-category counts and scores. */
  categories: CategorySummary[];
  /**
   * Every check's result, with the check and, when failing, who to learn from.
   */
  results: Array<
    CheckResult & {
      check: CheckInfo;
      /** For failing checks: who else solved it. */
      learnFrom?: LearnFromExemplar[];
    }
  >;
  /** The owning team and how to reach it, when the catalog knows it. */
  owner?: TeamContact;
  /** Change-only history of the entity's check states, newest first. */
  history: HistoryEvent[];
  /** The entity's daily score and level, oldest first. */
  trend: TrendPoint[];
}

/**
 * Query of `GET /search`: the filters (see `SEARCH_FILTERS`), sort,
 * order and paging.
 *
 * @public
 */
export interface SearchQuery extends SearchFilters {
  /** Field to sort by; the server's default (`score`) when absent. */
  sort?: SearchSort;
  /** Sort order; the server's default when absent. */
  order?: SearchOrder;
  /** Page size; the server caps it. */
  limit?: number;
  /** Opaque `nextCursor` of the previous page, to read the next one. */
  cursor?: string;
  /**
   * `failing`: add `failingCheckIds` to each item; `declaredOnly`: add
   * `declaredOnlyCheckIds`.
   */
  include?: Array<'failing' | 'declaredOnly'>;
}

/**
 * `GET /search`.
 *
 * @public
 */
export interface SearchResponse {
  /** The entities of this page. */
  items: EntitySummary[];
  /** How many entities match in all, over every page. */
  totalCount: number;
  /** Pass as `cursor` to read the next page; absent on the last. */
  nextCursor?: string;
}

/**
 * A scoring run.
 *
 * @public
 */
export interface RunInfo {
  /** Id of the run, for `GET /runs/{id}`. */
  id: string;
  /**
   * What started it: the schedule, a user (`POST /runs`), or one entity's
   * rescore.
   */
  trigger: 'schedule' | 'manual' | 'entity';
  /** Whether it is still scoring, ended well, or ended with an error. */
  status: 'running' | 'succeeded' | 'failed';
  /** When it started (ISO 8601). */
  startedAt: string;
  /** When it ended (ISO 8601); absent while running. */
  finishedAt?: string;
  /** Entities to score, once the run has counted them. */
  entitiesTotal?: number;
  /** Entities scored so far. */
  entitiesDone: number;
  /**
   * What went wrong, one line each (capped, with a count of those left out).
   */
  errors: string[];
}

/**
 * When entities are scored next (part of `GET /runs`).
 *
 * @public
 */
export interface RunSchedule {
  /** When the next full run is expected to start (ISO 8601). */
  nextRunAt?: string;
  /**
   * New and changed entities are scored within about this many seconds
   * (the delta pass); absent when it is off.
   */
  deltaIntervalSeconds?: number;
}

/**
 * Body of `POST /exemptions`.
 *
 * @public
 */
export interface ExemptionRequest {
  /** Full ref of the entity to exempt. */
  entityRef: string;
  /** The check it is exempted from. */
  checkId: string;
  /** Why, shown with the result and kept for audit. */
  reason: string;
  /** When it stops applying (ISO 8601); absent for no expiry. */
  expiresAt?: string;
}

/**
 * `GET /exemptions`.
 *
 * @public
 */
export interface ExemptionsResponse {
  /** The exemptions the caller may read. */
  items: Exemption[];
}

/**
 * Body of `POST /facts`: facts computed outside Backstage (e.g. in CI) for
 * one entity. Each key must be declared in `readiness.pushedFacts` and its
 * value valid against that key's JSON schema.
 *
 * @public
 */
export interface PushFactsRequest {
  /** Full ref of the entity the facts are about. */
  entityRef: string;
  /** Fact key → value, e.g. `{ coverage: 83.5 }`. */
  facts: Record<string, JsonValue>;
  /** When the facts were computed (ISO 8601); defaults to the time of the push. */
  observedAt?: string;
}

/**
 * `POST /facts` and `GET /facts`: the entity's pushed facts, newest first.
 *
 * @public
 */
export interface PushedFactsResponse {
  /** Full ref of the entity the facts are about. */
  entityRef: string;
  /** Its stored pushed facts, one per key. */
  items: PushedFact[];
  /**
   * On `POST /facts`: whether the entity was rescored with the new facts
   * (when not, they apply at its next scoring).
   */
  rescored?: boolean;
}

/**
 * Body of `POST /attestations`.
 *
 * @public
 */
export interface AttestationRequest {
  /** Full ref of the entity attested. */
  entityRef: string;
  /** The attested check the statement is about. */
  checkId: string;
  /** An http(s) link to the evidence. */
  evidenceUrl: string;
  /** What was done, e.g. `DR drill of 3 March, restore in 14 min`. */
  note?: string;
}

/**
 * `GET /attestations`: the latest attestation per check, newest first.
 *
 * @public
 */
export interface AttestationsResponse {
  /** The latest attestation of each check. */
  items: Attestation[];
}
