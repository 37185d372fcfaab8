import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import type { Exemption } from '@prodready/plugin-readiness-common';
import type { Knex } from 'knex';
import type {
  ClaimedShard,
  ShardOutcome,
  CreateRunOptions,
  EntityScoreWrite,
  ExemplarPick,
  ExemplarQuery,
  ExemptionFilter,
  ReadinessStore,
  RunUpdate,
  SnapshotFilter,
  StoreSearchFilters,
  StoreSearchQuery,
  VisibleEntityRefs,
} from './ReadinessStore';
import {
  createExemption,
  deleteExemption,
  getExemption,
  listExemptions,
  saveExemption,
} from './operations/exemptions';
import {
  getExemplarDetails,
  getResultsVersion,
  listExemplarPool,
} from './operations/exemplarPool';
import { findExemplars } from './operations/findExemplars';
import { getOwners } from './operations/getOwners';
import { listHistory } from './operations/listHistory';
import { optimize, purgeBefore } from './operations/maintenance';
import {
  getScore,
  listCheckStates,
  listDeclaredOnlyCheckIds,
  listFailingCheckIds,
  listResults,
  listScoredEntityRefs,
  listSummaries,
  countResultsByState,
} from './operations/readScores';
import { removeEntities } from './operations/removeEntities';
import {
  getScorecardDocument,
  getScorecardVersion,
} from './operations/scorecardDocuments';
import { getScoresVersion } from './operations/scoresVersion';
import { listOwnerCheckCounts, listRollupRows } from './operations/rollups';
import { listStoredLevels } from './operations/listStoredLevels';
import {
  claimRequestedRun,
  createRun,
  failStaleRuns,
  getActiveRun,
  getRun,
  listRuns,
  updateRun,
} from './operations/runs';
import { countSearch, search } from './operations/search';
import {
  listLatestSnapshotsBefore,
  listSnapshotsSince,
} from './operations/snapshots';
import { writeScores } from './operations/writeScores';
import {
  type ClaimShardOptions,
  claimShard,
  completeShard,
  createShards,
  deleteEndedShards,
  heartbeatShard,
  releaseShard,
  summarizeShards,
} from './operations/shards';
import {
  deleteEntityEtags,
  listEntityEtags,
  saveEntityEtags,
  markEntityEtags,
} from './operations/etags';

const migrationsDir = resolvePackagePath(
  '@prodready/plugin-readiness-backend',
  'migrations',
);

/**
 * Options of {@link DatabaseReadinessStore.create}.
 *
 * @internal
 */
export interface DatabaseReadinessStoreOptions {
  database: DatabaseService;
  /** Skip running migrations (also honoured: `database.migrations.skip`). */
  skipMigrations?: boolean;
}

/**
 * The {@link ReadinessStore} on the plugin's database through knex (SQLite,
 * PostgreSQL and MySQL). Each operation lives in its own file under
 * `operations/`; dialect helpers are in `sql.ts`, row mapping in `rows.ts`
 * and the change-only write decisions in `planScoreWrite.ts`.
 *
 * @internal
 */
export class DatabaseReadinessStore implements ReadinessStore {
  /** Creates the store, running migrations unless told not to. */
  static async create(
    options: DatabaseReadinessStoreOptions,
  ): Promise<DatabaseReadinessStore> {
    const client = await options.database.getClient();
    if (!options.skipMigrations && !options.database.migrations?.skip) {
      await client.migrate.latest({ directory: migrationsDir });
    }
    return new DatabaseReadinessStore(client);
  }

  /** The directory of the knex migrations, for tests and tooling. */
  static readonly migrationsDirectory = migrationsDir;

  private constructor(private readonly db: Knex) {}

  writeScores(items: EntityScoreWrite[], now: Date) {
    return writeScores(this.db, items, now);
  }

  listScoredEntityRefs() {
    return listScoredEntityRefs(this.db);
  }

  countResultsByState() {
    return countResultsByState(this.db);
  }

  async removeEntities(entityRefs: string[], now: Date) {
    const removed = await removeEntities(this.db, entityRefs, now);
    await deleteEntityEtags(this.db, entityRefs);
    return removed;
  }

  optimize() {
    return optimize(this.db);
  }

  purgeBefore(before: Date) {
    return purgeBefore(this.db, before);
  }

  getScore(entityRef: string) {
    return getScore(this.db, entityRef);
  }

  listResults(entityRef: string) {
    return listResults(this.db, entityRef);
  }

  getScorecardDocument(entityRef: string) {
    return getScorecardDocument(this.db, entityRef);
  }

  getScorecardVersion(entityRef: string) {
    return getScorecardVersion(this.db, entityRef);
  }

  listSummaries(entityRefs: string[], visibleEntityRefs: VisibleEntityRefs) {
    return listSummaries(this.db, entityRefs, visibleEntityRefs);
  }

  search(query: StoreSearchQuery) {
    return search(this.db, query);
  }

  listCheckStates(entityRefs: string[], checkIds: string[]) {
    return listCheckStates(this.db, entityRefs, checkIds);
  }

  listFailingCheckIds(entityRefs: string[]) {
    return listFailingCheckIds(this.db, entityRefs);
  }

  listDeclaredOnlyCheckIds(entityRefs: string[]) {
    return listDeclaredOnlyCheckIds(this.db, entityRefs);
  }

  countSearch(filters: StoreSearchFilters) {
    return countSearch(this.db, filters);
  }

  listStoredLevels(visibleEntityRefs: VisibleEntityRefs) {
    return listStoredLevels(this.db, visibleEntityRefs);
  }

  listRollupRows(
    groupBy: 'owner' | 'system' | 'domain',
    visibleEntityRefs: VisibleEntityRefs,
  ) {
    return listRollupRows(this.db, groupBy, visibleEntityRefs);
  }

  findExemplars(query: ExemplarQuery) {
    return findExemplars(this.db, query);
  }

  getResultsVersion() {
    return getResultsVersion(this.db);
  }

  getScoresVersion() {
    return getScoresVersion(this.db);
  }

  listExemplarPool() {
    return listExemplarPool(this.db);
  }

  getExemplarDetails(picks: ExemplarPick[]) {
    return getExemplarDetails(this.db, picks);
  }

  listOwnerCheckCounts(options: {
    checkId?: string;
    visibleEntityRefs: VisibleEntityRefs;
  }) {
    return listOwnerCheckCounts(this.db, options);
  }

  listHistory(entityRef: string, limit: number) {
    return listHistory(this.db, entityRef, limit);
  }

  listSnapshotsSince(sinceDay: string, filter: SnapshotFilter) {
    return listSnapshotsSince(this.db, sinceDay, filter);
  }

  listLatestSnapshotsBefore(day: string, filter: SnapshotFilter) {
    return listLatestSnapshotsBefore(this.db, day, filter);
  }

  getOwners(ownerRefs: string[]) {
    return getOwners(this.db, ownerRefs);
  }

  createRun(options: CreateRunOptions) {
    return createRun(this.db, options);
  }

  claimRequestedRun(now: Date) {
    return claimRequestedRun(this.db, now);
  }

  updateRun(id: string, update: RunUpdate) {
    return updateRun(this.db, id, update);
  }

  getRun(id: string) {
    return getRun(this.db, id);
  }

  listRuns(limit: number) {
    return listRuns(this.db, limit);
  }

  getActiveRun(heartbeatAfter: Date) {
    return getActiveRun(this.db, heartbeatAfter);
  }

  failStaleRuns(heartbeatBefore: Date, now: Date) {
    return failStaleRuns(this.db, heartbeatBefore, now);
  }

  createShards(runId: string, refChunks: string[][]) {
    return createShards(this.db, runId, refChunks);
  }

  claimShard(options: ClaimShardOptions) {
    return claimShard(this.db, options);
  }

  heartbeatShard(claim: ClaimedShard, now: Date) {
    return heartbeatShard(this.db, claim, now);
  }

  completeShard(claim: ClaimedShard, outcome: ShardOutcome, now: Date) {
    return completeShard(this.db, claim, outcome, now);
  }

  releaseShard(claim: ClaimedShard, reason: string, maxAttempts: number) {
    return releaseShard(this.db, claim, reason, maxAttempts);
  }

  summarizeShards(runId: string) {
    return summarizeShards(this.db, runId);
  }

  deleteEndedShards() {
    return deleteEndedShards(this.db);
  }

  listEntityEtags() {
    return listEntityEtags(this.db);
  }

  saveEntityEtags(etags: ReadonlyMap<string, string>) {
    return saveEntityEtags(this.db, etags);
  }

  markForRescore(entityRefs: string[]) {
    return markEntityEtags(this.db, entityRefs);
  }

  createExemption(exemption: Exemption) {
    return createExemption(this.db, exemption);
  }

  saveExemption(exemption: Exemption, activeAt: Date) {
    return saveExemption(this.db, exemption, activeAt);
  }

  getExemption(id: string) {
    return getExemption(this.db, id);
  }

  deleteExemption(id: string) {
    return deleteExemption(this.db, id);
  }

  listExemptions(filter: ExemptionFilter) {
    return listExemptions(this.db, filter);
  }
}
