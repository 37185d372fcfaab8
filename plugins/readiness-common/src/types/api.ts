import type { Attestation, Contact, PushedFact } from './facts';
import type { JsonValue } from '@backstage/types';
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
  id: string;
  title: string;
  description?: string;
  category: string;
  level: string;
  weight: number;
  requires: string[];
  /** Namespaces read when available (see `CheckDefinition.optional`). */
  optional?: string[];
  /** Set on attested checks: days an attestation stays valid. */
  attested?: { expiresAfterDays: number };
  /**
   * The weakest evidence a pass may rest on (`CheckDefinition.minStrength`,
   * `declared` when the check does not set it).
   */
  minStrength: 'observed' | 'declared';
  remediation: CheckRemediation;
}

/**
 * `GET /checks`.
 *
 * @public
 */
export interface CheckPackResponse {
  levels: LevelDefinition[];
  categories: string[];
  checks: CheckInfo[];
}

/**
 * The catalog fields of a scored entity, kept with its score for search and roll-ups.
 *
 * @public
 */
export interface EntitySummary {
  entityRef: string;
  kind: string;
  namespace: string;
  name: string;
  title?: string;
  type?: string;
  lifecycle?: string;
  owner?: string;
  system?: string;
  domain?: string;
  tier?: string;
  score: number;
  level?: string;
  /** Count of failing checks. */
  gaps: number;
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
  ref: string;
  displayName?: string;
  contacts: Contact[];
}

/**
 * An entity of another owner that passes a check the caller's entity fails.
 *
 * @public
 */
export interface LearnFromExemplar {
  entity: EntitySummary;
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
  checkId: string;
  from?: CheckState;
  to: CheckState;
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
  entity: EntitySummary;
  /**
   * `false` when no operational check applies (e.g. an API or a System): the
   * entity has a score over its checks but no level; `levelReason` says why.
   * The backend always sets it; absent reads as `true`.
   */
  levelApplicable?: boolean;
  /** Why no level is given, when `levelApplicable` is `false`. */
  levelReason?: string;
  nextLevel?: string;
  blockingCheckIds: string[];
  categories: CategorySummary[];
  results: Array<
    CheckResult & {
      check: CheckInfo;
      /** For failing checks: who else solved it. */
      learnFrom?: LearnFromExemplar[];
    }
  >;
  owner?: TeamContact;
  history: HistoryEvent[];
  trend: TrendPoint[];
}

/**
 * Query of `GET /search`: the filters (see `SEARCH_FILTERS`), sort,
 * order and paging.
 *
 * @public
 */
export interface SearchQuery extends SearchFilters {
  sort?: SearchSort;
  order?: SearchOrder;
  limit?: number;
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
  items: EntitySummary[];
  totalCount: number;
  nextCursor?: string;
}

/**
 * One group of a roll-up.
 *
 * @public
 */
export interface RollupGroup {
  key: string;
  entities: number;
  meanScore: number;
  levels: Record<string, number>;
  /** Pass rate 0–1 per category, over applicable decided checks. */
  categories: Record<string, number>;
}

/**
 * `GET /rollups?groupBy=owner|system|domain`.
 *
 * @public
 */
export interface RollupResponse {
  groupBy: 'owner' | 'system' | 'domain';
  groups: RollupGroup[];
  total: RollupGroup;
}

/**
 * `GET /champions`: the groups with the highest pass rate for each check.
 *
 * @public
 */
export interface ChampionsResponse {
  checks: Array<{
    checkId: string;
    champions: Array<{
      owner: TeamContact;
      passRate: number;
      passing: number;
      applicable: number;
    }>;
  }>;
}

/**
 * A scoring run.
 *
 * @public
 */
export interface RunInfo {
  id: string;
  trigger: 'schedule' | 'manual' | 'entity';
  status: 'running' | 'succeeded' | 'failed';
  startedAt: string;
  finishedAt?: string;
  entitiesTotal?: number;
  entitiesDone: number;
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
  entityRef: string;
  checkId: string;
  reason: string;
  expiresAt?: string;
}

/**
 * `GET /exemptions`.
 *
 * @public
 */
export interface ExemptionsResponse {
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
  entityRef: string;
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
  entityRef: string;
  checkId: string;
  /** An http(s) link to the evidence. */
  evidenceUrl: string;
  note?: string;
}

/**
 * `GET /attestations`: the latest attestation per check, newest first.
 *
 * @public
 */
export interface AttestationsResponse {
  items: Attestation[];
}

/**
 * What a roll-up of one entity covers: a team (a Group and its child groups,
 * transitively), a system, or a domain.
 *
 * @public
 */
export type EntityRollupScope = 'team' | 'system' | 'domain';

/**
 * A failing check across the entities of a roll-up.
 *
 * @public
 */
export interface EntityRollupGap {
  checkId: string;
  /** Entities that fail it. */
  failing: number;
  /**
   * Entities whose next level it blocks: fixing it moves them towards a
   * level, so gaps are ranked by this first.
   */
  blocking: number;
  /** Up to ten of the entities that fail it, those it blocks first. */
  entityRefs: string[];
}

/**
 * `GET /rollups/{kind}/{namespace}/{name}`: the readiness of what a team, a
 * system or a domain holds.
 *
 * @public
 */
export interface EntityRollup {
  entityRef: string;
  scope: EntityRollupScope;
  /**
   * Whose entities are counted: for a team the group and every group below
   * it; for a system the system; for a domain the domain and its systems.
   */
  members: string[];
  /** Scored entities in scope that the caller may read, weakest first. */
  entities: EntitySummary[];
  /** Scored entities in scope; more than `entities` holds when capped. */
  totalEntities: number;
  /** Mean score, 0–100, of the entities counted. */
  meanScore: number;
  /** Entities per level id; `none` counts those below the lowest level. */
  levels: Record<string, number>;
  /** The weakest links: the entities at the lowest level, lowest score first. */
  weakest: EntitySummary[];
  /** Failing checks, those that block the most entities' next level first. */
  gaps: EntityRollupGap[];
  /** Checks where a member group is among the champions (others may ask it). */
  championOf: Array<{ checkId: string; owner: TeamContact; passRate: number }>;
}
