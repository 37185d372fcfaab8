import type {
  CheckResult,
  CheckState,
  EntitySummary,
  Exemption,
  HistoryEvent,
  RunInfo,
  TeamContact,
} from '@prodready/plugin-readiness-common';
import type {
  VisibleEntityRefs,
  StoredEntityScore,
  StoredLevel,
  EntityScoreWrite,
  ScoreWriteStats,
  StoreSearchFilters,
  StoreSearchQuery,
  StoreSearchPage,
  RollupEntityRow,
  ExemplarCandidate,
  ExemplarQuery,
  ExemplarPool,
  ExemplarPick,
  ExemplarDetails,
  OwnerCheckCounts,
  ScoreSnapshot,
  ScorecardDocument,
  ScorecardVersion,
  SnapshotFilter,
  CreateRunOptions,
  RunUpdate,
  ExemptionFilter,
  ClaimedShard,
  ShardOutcome,
  RunShardsSummary,
} from './types';

export type {
  VisibleEntityRefs,
  StoredEntityScore,
  StoredLevel,
  EntityScoreWrite,
  LevelChange,
  ScoreWriteStats,
  StoreSearchFilters,
  StoreSortField,
  StoreSearchAfter,
  StoreSearchQuery,
  StoreSearchPage,
  RollupEntityRow,
  ExemplarCandidate,
  ExemplarQuery,
  ExemplarPool,
  ExemplarPoolEntity,
  ExemplarPick,
  ExemplarDetails,
  OwnerCheckCounts,
  ScoreSnapshot,
  ScorecardDocument,
  ScorecardVersion,
  SnapshotFilter,
  CreateRunOptions,
  RunUpdate,
  ExemptionFilter,
  ClaimedShard,
  ShardOutcome,
  RunShardsSummary,
} from './types';

/**
 * The persistence of the readiness plugin: scores, results, change-only
 * history, snapshots, owners, runs and exemptions. One operation per method.
 *
 * @internal
 */
export interface ReadinessStore {
  /**
   * Writes fresh scores in one transaction, change-only: result rows only
   * where state, reason or evidence changed, history rows only where a state
   * changed (or a check is new for an entity scored before), a snapshot only
   * where the score or level changed. Unchanged entities only get their
   * evaluation time updated.
   */
  writeScores(items: EntityScoreWrite[], now: Date): Promise<ScoreWriteStats>;

  /** Refs of every scored entity. */
  listScoredEntityRefs(): Promise<string[]>;

  /** Stored results by state, over every scored entity. */
  countResultsByState(): Promise<Partial<Record<CheckState, number>>>;

  /** Removes scores and results of entities gone from the catalog; history stays. */
  removeEntities(entityRefs: string[], now: Date): Promise<number>;

  /**
   * Refreshes the database's query-planner statistics after large writes
   * (PostgreSQL `ANALYZE`, SQLite `PRAGMA optimize`), so searches use the
   * sort and gap indexes at once rather than after the next auto-analyze.
   */
  optimize(): Promise<void>;

  /** Deletes history, snapshots and expired exemptions older than `before`. */
  purgeBefore(before: Date): Promise<number>;

  /** One entity's score, if scored and visible. */
  getScore(entityRef: string): Promise<StoredEntityScore | undefined>;

  /** One entity's latest results. */
  listResults(entityRef: string): Promise<CheckResult[]>;

  /**
   * One entity's precomputed scorecard (score, results, history, snapshots)
   * in one read; `undefined` when the entity is not scored or its document
   * was not built yet (then read it with the other methods).
   */
  getScorecardDocument(
    entityRef: string,
  ): Promise<ScorecardDocument | undefined>;

  /**
   * What one entity's scorecard depends on in the store, without its
   * document (one small read); `undefined` when it has no document.
   */
  getScorecardVersion(entityRef: string): Promise<ScorecardVersion | undefined>;

  /** Summaries of the given entities that are scored and visible. */
  listSummaries(
    entityRefs: string[],
    visibleEntityRefs: VisibleEntityRefs,
  ): Promise<EntitySummary[]>;

  /** One page of a search. */
  search(query: StoreSearchQuery): Promise<StoreSearchPage>;

  /**
   * The state of each of `checkIds` for each of the given entities, where a
   * result is stored (an entity or check without one is left out).
   */
  listCheckStates(
    entityRefs: string[],
    checkIds: string[],
  ): Promise<Map<string, Map<string, CheckState>>>;

  /** The failing check ids of each of the given entities that has any. */
  listFailingCheckIds(entityRefs: string[]): Promise<Map<string, string[]>>;

  /**
   * The ids of checks each of the given entities passes on declared
   * evidence only (nothing observed), for those that have any.
   */
  listDeclaredOnlyCheckIds(
    entityRefs: string[],
  ): Promise<Map<string, string[]>>;

  /** Number of entities matching the filters. */
  countSearch(filters: StoreSearchFilters): Promise<number>;

  /**
   * Every visible scored entity's level, owner, blocking checks and latest
   * result states, for a pack-change preview.
   */
  listStoredLevels(
    visibleEntityRefs: VisibleEntityRefs,
  ): Promise<StoredLevel[]>;

  /** Every visible scored entity's row for a roll-up by the given field. */
  listRollupRows(
    groupBy: 'owner' | 'system' | 'domain',
    visibleEntityRefs: VisibleEntityRefs,
  ): Promise<RollupEntityRow[]>;

  /**
   * Ranked exemplars per check, at most `limit` per check, computed by the
   * database at each call (the reference for the in-memory learn-from index).
   */
  findExemplars(query: ExemplarQuery): Promise<ExemplarCandidate[]>;

  /**
   * A number that changes whenever a write changes results, scores or the set
   * of scored entities, in any process on this database.
   */
  getResultsVersion(): Promise<number>;

  /**
   * A counter bumped by every write of score rows (evaluation times
   * included) and by removals: what is derived from the score rows alone is
   * stale when it changed.
   */
  getScoresVersion(): Promise<number>;

  /** Every possible learn-from exemplar, for an in-memory index. */
  listExemplarPool(): Promise<ExemplarPool>;

  /**
   * Summaries and evidence of chosen exemplars; picks that no longer pass
   * (or are gone) are left out.
   */
  getExemplarDetails(picks: ExemplarPick[]): Promise<ExemplarDetails[]>;

  /** Pass counts per owner and check. */
  listOwnerCheckCounts(options: {
    checkId?: string;
    visibleEntityRefs: VisibleEntityRefs;
  }): Promise<OwnerCheckCounts[]>;

  /** An entity's change history, newest first. */
  listHistory(entityRef: string, limit: number): Promise<HistoryEvent[]>;

  /** Snapshots taken on or after `sinceDay`, oldest first. */
  listSnapshotsSince(
    sinceDay: string,
    filter: SnapshotFilter,
  ): Promise<ScoreSnapshot[]>;

  /** For each entity, its latest snapshot before `day`. */
  listLatestSnapshotsBefore(
    day: string,
    filter: SnapshotFilter,
  ): Promise<ScoreSnapshot[]>;

  /** Contacts of the given owners that are known. */
  getOwners(ownerRefs: string[]): Promise<Map<string, TeamContact>>;

  /**
   * Creates a run. At most one full run (trigger `schedule` or `manual`) is
   * running at a time, across replicas: creating one while another runs
   * creates nothing and throws a `ConflictError`.
   */
  createRun(options: CreateRunOptions): Promise<RunInfo>;

  /** Claims the oldest run requested through the API, if any. */
  claimRequestedRun(now: Date): Promise<RunInfo | undefined>;

  /** Updates a run's progress or outcome; an outcome other than `running` ends it. */
  updateRun(id: string, update: RunUpdate): Promise<void>;

  /** One run. */
  getRun(id: string): Promise<RunInfo | undefined>;

  /** Recent runs, newest first. */
  listRuns(limit: number): Promise<RunInfo[]>;

  /** A full run still running with a heartbeat after the given time, or still waiting to be claimed. */
  getActiveRun(heartbeatAfter: Date): Promise<RunInfo | undefined>;

  /**
   * Marks runs whose heartbeat stopped before the given time as failed, with
   * the reason (their process stopped or lost its database, or no process
   * picked a requested run up), so the next full run can start.
   */
  failStaleRuns(heartbeatBefore: Date, now: Date): Promise<number>;

  /**
   * Splits a full run into shards of entity refs that any replica can
   * claim, plus its finalization shard.
   */
  createShards(runId: string, refChunks: string[][]): Promise<void>;

  /**
   * Claims a pending shard of a running run, one whose lease expired (its
   * replica stopped sending heartbeats before `leaseExpiredBefore`), or the
   * finalization of a run whose other shards have ended. A shard claimed
   * `maxAttempts` times is failed with the reason instead.
   */
  claimShard(options: {
    owner: string;
    now: Date;
    leaseExpiredBefore: Date;
    maxAttempts: number;
  }): Promise<ClaimedShard | undefined>;

  /** Heartbeat of a claimed shard and its run; false when it was taken over. */
  heartbeatShard(claim: ClaimedShard, now: Date): Promise<boolean>;

  /** Ends a claimed shard done; false when it was taken over meanwhile. */
  completeShard(
    claim: ClaimedShard,
    outcome: ShardOutcome,
    now: Date,
  ): Promise<boolean>;

  /** Gives a shard back after a failure (failed after `maxAttempts`). */
  releaseShard(
    claim: ClaimedShard,
    reason: string,
    maxAttempts: number,
  ): Promise<void>;

  /** The entity shards of a run. */
  summarizeShards(runId: string): Promise<RunShardsSummary>;

  /** Deletes the shards of ended runs. */
  deleteEndedShards(): Promise<number>;

  /** The catalog etag of every entity as last scored. */
  listEntityEtags(): Promise<Map<string, string>>;

  /** Records the catalog etags of entities just scored. */
  saveEntityEtags(etags: ReadonlyMap<string, string>): Promise<void>;

  /**
   * Asks the next delta pass to rescore these already scored entities (a
   * dependency's level moved); returns how many were marked.
   */
  markForRescore(entityRefs: string[]): Promise<number>;

  /** Creates an exemption. */
  createExemption(exemption: Exemption): Promise<void>;

  /**
   * Creates an exemption, or updates the active one of the same entity and
   * check (keeping its id and creation time): one active exemption per
   * entity and check. Returns it as stored, and whether it was an update.
   */
  saveExemption(
    exemption: Exemption,
    activeAt: Date,
  ): Promise<{ exemption: Exemption; updated: boolean }>;

  /** One exemption, expired or not. */
  getExemption(id: string): Promise<Exemption | undefined>;

  /** Deletes an exemption; false when there was none. */
  deleteExemption(id: string): Promise<boolean>;

  /**
   * Exemptions not expired at `activeAt` (with `includeExpired`, expired ones
   * too), newest first.
   */
  listExemptions(filter: ExemptionFilter): Promise<Exemption[]>;
}

/**
 * Check states that count as passing.
 *
 * @internal
 */
export const PASSING_STATES: CheckState[] = ['pass', 'exempt'];
