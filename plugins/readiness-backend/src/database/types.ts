import type {
  CategorySummary,
  CheckResult,
  EntitySummary,
  Evidence,
  HistoryEvent,
  RunInfo,
  SearchListFilter,
  StoredLevelInput,
  TeamContact,
} from '@prodready/plugin-readiness-common';

/*
 * Input and output types of the ReadinessStore operations.
 */

/**
 * Restricts a read to the entities a caller may see. `undefined` means no
 * restriction (the caller may read every entity).
 *
 * @internal
 */
export type VisibleEntityRefs = ReadonlyArray<string> | undefined;

/**
 * The score of one entity as stored, with the engine's per-entity summary.
 *
 * @internal
 */
export interface StoredEntityScore extends EntitySummary {
  nextLevel?: string;
  blockingCheckIds: string[];
  categories: CategorySummary[];
  /** `tag:<tag>` and `lang:<language>` traits, for learn-from similarity. */
  traits: string[];
}

/**
 * One entity's freshly computed score, to write.
 *
 * @internal
 */
export interface EntityScoreWrite {
  /** Catalog fields and score; `evaluatedAt` is the write time. */
  summary: Omit<EntitySummary, 'evaluatedAt'>;
  /** 1-based position of the level in the pack's level order; 0 for none. */
  levelRank: number;
  nextLevel?: string;
  blockingCheckIds: string[];
  categories: CategorySummary[];
  traits: string[];
  results: CheckResult[];
  /** Contacts of the owner, from the owner facts, when it resolved. */
  ownerContact?: TeamContact;
}

/**
 * What a pack-change preview reads of a scored entity: its level with the
 * current pack and the latest result states.
 *
 * @internal
 */
export interface StoredLevel extends StoredLevelInput {
  /** Owner entity ref, when the entity has one. */
  owner?: string;
}

/**
 * A scored entity whose level changed in a write.
 *
 * @internal
 */
export interface LevelChange {
  entityRef: string;
  title?: string;
  owner?: string;
  /** The level before; `undefined` when it had none. */
  from?: string;
  /** The level now; `undefined` when it has none. */
  to?: string;
  /** Whether the new level is higher in the pack's order. */
  rose: boolean;
  /** The checks it fails now. */
  failingCheckIds: string[];
  /** The checks an exemption covers now (a level may be reached through them). */
  exemptCheckIds?: string[];
}

/**
 * What a write of scores changed.
 *
 * @internal
 */
export interface ScoreWriteStats {
  /** Result rows inserted or updated (state, reason or evidence changed). */
  resultsWritten: number;
  /** History rows inserted (state changes). */
  historyWritten: number;
  /** Score rows inserted or updated. */
  scoresWritten: number;
  /**
   * Entities scored before whose level changed (entities scored for the
   * first time are not listed: they had no level to change from).
   */
  levelChanges: LevelChange[];
  /** Entities scored for the first time (they now have a level, or none). */
  firstScored: string[];
}

/**
 * Filters of a search; values of one filter are alternatives, filters combine.
 * The list filters are common's `SEARCH_LIST_FILTERS`: `failing` and
 * `passing` hold check ids the entity must fail, or pass or be exempt from,
 * every one; `kind` is compared case-insensitively; the other catalog
 * filters match their column exactly.
 *
 * @internal
 */
export interface StoreSearchFilters
  extends Partial<Record<SearchListFilter, string[]>> {
  /** Highest level rank allowed (0 = no level). */
  levelRankAtMost?: number;
  /** Lowest level rank required. */
  levelRankAtLeast?: number;
  /** Case-insensitive substring of name, title, owner or system. */
  text?: string;
  /**
   * The rank of the target level of each targeted tier: what `belowTarget`
   * and the `targetGap` sort measure against (config, not stored, so a
   * change of targets needs no rescore).
   */
  targetRanks?: Array<{ tier: string; rank: number }>;
  /** Only entities below the target level of their tier. */
  belowTarget?: boolean;
  visibleEntityRefs?: VisibleEntityRefs;
}

/**
 * A sort column of search.
 *
 * @internal
 */
export type StoreSortField =
  | 'score'
  | 'name'
  | 'level'
  | 'gaps'
  | 'owner'
  | 'targetGap';

/**
 * The position after which a page starts: the sort value and entity ref of
 * the last item of the previous page.
 *
 * @internal
 */
export interface StoreSearchAfter {
  value: string | number;
  entityRef: string;
}

/**
 * A page request of search.
 *
 * @internal
 */
export interface StoreSearchQuery extends StoreSearchFilters {
  sort: StoreSortField;
  order: 'asc' | 'desc';
  limit: number;
  after?: StoreSearchAfter;
}

/**
 * A page of search.
 *
 * @internal
 */
export interface StoreSearchPage {
  items: EntitySummary[];
  /** Where the next page starts; absent on the last page. */
  next?: StoreSearchAfter;
}

/**
 * One entity's contribution to a roll-up.
 *
 * @internal
 */
export interface RollupEntityRow {
  /** The group key (owner, system or domain); absent when the entity has none. */
  key?: string;
  score: number;
  level?: string;
  nextLevel?: string;
  tier?: string;
  categories: CategorySummary[];
}

/**
 * A scored entity that passes a check another entity fails.
 *
 * @internal
 */
export interface ExemplarCandidate {
  checkId: string;
  entity: EntitySummary;
  traits: string[];
  evidence: Evidence[];
  /** Similarity points (system +3, domain +2, type +1, each shared trait +1). */
  similarity: number;
}

/**
 * Query for learn-from exemplars.
 *
 * @internal
 */
export interface ExemplarQuery {
  /** The failing checks to find exemplars for. */
  checkIds: string[];
  /** The entity asking; excluded with every entity of its owner. */
  entityRef: string;
  owner?: string;
  system?: string;
  domain?: string;
  type?: string;
  traits: string[];
  /** Exemplars per check. */
  limit: number;
  visibleEntityRefs?: VisibleEntityRefs;
}

/**
 * A scored entity with an owner, as the learn-from index holds it.
 *
 * @internal
 */
export interface ExemplarPoolEntity {
  entityRef: string;
  owner: string;
  system?: string;
  domain?: string;
  type?: string;
  /** `tag:<tag>` and `lang:<language>` traits. */
  traits: string[];
}

/**
 * Every possible learn-from exemplar, read at once to build an in-memory
 * index: the scored entities with an owner and, per check, which of them
 * pass it.
 *
 * @internal
 */
export interface ExemplarPool {
  /** The results version (see `ReadinessStore.getResultsVersion`) read before the rows. */
  version: number;
  /** Best score first, ties by entity ref. */
  entities: ExemplarPoolEntity[];
  /** Check id to the indexes in `entities` of those passing it, ascending. */
  passing: Map<string, number[]>;
}

/**
 * An exemplar chosen for a failing check.
 *
 * @internal
 */
export interface ExemplarPick {
  checkId: string;
  entityRef: string;
}

/**
 * What a scorecard shows of a chosen exemplar.
 *
 * @internal
 */
export interface ExemplarDetails extends ExemplarPick {
  entity: EntitySummary;
  evidence: Evidence[];
}

/**
 * Pass counts of one owner for one check.
 *
 * @internal
 */
export interface OwnerCheckCounts {
  checkId: string;
  owner: string;
  /** Entities passing or exempt. */
  passing: number;
  /** Entities with a decided result (pass, exempt or fail). */
  applicable: number;
}

/**
 * A stored score snapshot: an entity's score and level as of a day. A missing
 * score marks the entity's removal from the catalog.
 *
 * @internal
 */
export interface ScoreSnapshot {
  entityRef: string;
  /** `YYYY-MM-DD`. */
  day: string;
  score?: number;
  level?: string;
}

/**
 * Everything one entity's scorecard needs from the store, precomputed in the
 * transaction that writes the entity's scores (or exemptions) and read back
 * in one query.
 *
 * @public
 */
export interface ScorecardDocument {
  score: StoredEntityScore;
  /** Latest results by check id, with exemptions and checks not applying. */
  results: CheckResult[];
  /** Changes of state, newest first, at most `SCORECARD_HISTORY_LIMIT`. */
  history: HistoryEvent[];
  /** Every stored snapshot of the entity, oldest first (for its trend). */
  snapshots: ScoreSnapshot[];
}

/**
 * What one entity's scorecard depends on in the store (see
 * `ReadinessStore.getScorecardVersion`): equal versions, equal scorecard.
 *
 * @internal
 */
export interface ScorecardVersion {
  /** When the entity's document was last built. */
  builtAt: string;
  /** The entity's evaluation time (moves without a rebuild). */
  evaluatedAt: string;
  /** The store's results version (learn-from). */
  resultsVersion: number;
  /** The store's scores version (exemplars' summaries, owner contacts). */
  scoresVersion: number;
}

/**
 * Which entities' snapshots to read.
 *
 * @internal
 */
export interface SnapshotFilter {
  entityRef?: string;
  /** Only entities currently owned by this owner. */
  owner?: string;
  visibleEntityRefs?: VisibleEntityRefs;
}

/**
 * A run as created.
 *
 * @internal
 */
export interface CreateRunOptions {
  trigger: RunInfo['trigger'];
  /** False for a run requested through the API and waiting for the scheduler. */
  claimed: boolean;
  now: Date;
}

/**
 * A change to a run's progress or outcome.
 *
 * @internal
 */
export interface RunUpdate {
  status?: RunInfo['status'];
  finishedAt?: Date;
  entitiesTotal?: number;
  entitiesDone?: number;
  errors?: string[];
  heartbeatAt: Date;
}

/**
 * Filters of the exemption list.
 *
 * @internal
 */
export interface ExemptionFilter {
  entityRef?: string;
  checkId?: string;
  /** Only exemptions not expired at this time. */
  activeAt: Date;
  /**
   * Expired ones too (those the history retention has kept), for the
   * organisation's view of exemptions.
   */
  includeExpired?: boolean;
  visibleEntityRefs?: VisibleEntityRefs;
}

/**
 * A shard of a full run claimed by one replica: the entity refs it scores,
 * or the run's finalization (`shard` -1, no refs).
 *
 * @public
 */
export interface ClaimedShard {
  runId: string;
  /** 0..n-1 for entities; -1 for the finalization of the run. */
  shard: number;
  refs: string[];
  /** How many times it was claimed, this claim included. */
  attempts: number;
  /** The replica that claimed it. */
  owner: string;
}

/**
 * What a shard's worker found.
 *
 * @public
 */
export interface ShardOutcome {
  entitiesDone: number;
  errors: string[];
  /** Refs the catalog no longer has, or to which no check applies. */
  gone: string[];
}

/**
 * The shards of one run, for its finalization.
 *
 * @public
 */
export interface RunShardsSummary {
  /** Entity shards (the finalization not counted). */
  shards: number;
  done: number;
  failed: number;
  entitiesDone: number;
  /** Every ref planned in the run. */
  refs: string[];
  gone: string[];
  errors: string[];
}
