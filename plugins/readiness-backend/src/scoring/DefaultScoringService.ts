import { setMaxListeners } from 'node:events';
import { performance } from 'node:perf_hooks';
import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import type { QueryEntitiesResponse } from '@backstage/catalog-client';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { SpanStatusCode } from '@opentelemetry/api';
import type { CheckState, RunInfo } from '@prodready/plugin-readiness-common';
import type { LevelChange, ReadinessStore } from '../database/ReadinessStore';
import type { ReadinessMetrics } from '../observability/ReadinessMetrics';
import type { FactCollector } from '../facts';
import type { PackIndex } from '../pack/PackIndex';
import type { DependentRelations } from '../dependencies/dependentsToRescore';
import type { ScoringService } from './ScoringService';
import { retryWithBackoff } from '../lib/retryWithBackoff';
import { abortReason, untilAborted, withTimeout } from './deadlines';
import { EntityScorer, type ScoredBatch } from './EntityScorer';
import { describeError, errorsWithCount, MAX_RUN_ERRORS } from './runErrors';

/** Result rows a run must write before planner statistics are refreshed. */
const OPTIMIZE_AFTER_ROWS = 1000;

/**
 * Page writes of a full run in flight at once, each its own transaction:
 * the first run over a fresh database is bound by its writes, which leave
 * the database idle part of the time while one page's rows are prepared.
 */
const WRITES_IN_FLIGHT = 2;

/** Longest wait to record a failed run's end. */
const RECORD_FAILURE_TIMEOUT_MS = 10_000;

/** Milliseconds as seconds for a log line. */
function inSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)}s`;
}

/** What a full run has done so far. */
interface RunProgress {
  done: number;
  total: number | undefined;
  rowsWritten: number;
  errors: string[];
  errorCount: number;
  /** Milliseconds spent in each stage (see {@link RunStageTimes}). */
  stages: RunStageTimes;
}

/**
 * Where a full run spent its time, in milliseconds. Waits are the time the
 * run loop was blocked (the next page is fetched and the previous page
 * written while a page is scored).
 */
interface RunStageTimes {
  /** Waiting for a catalog page. */
  catalogWaitMs: number;
  /** Collecting facts and evaluating (the run loop's own work). */
  scoreMs: number;
  /** Writing pages (overlaps scoring). */
  writeMs: number;
  /** Waiting for the previous page's write. */
  writeWaitMs: number;
  /** Removing entities gone, purging history, planner statistics. */
  cleanUpMs: number;
}

/**
 * Options of {@link DefaultScoringService.create}.
 *
 * @internal
 */
export interface DefaultScoringServiceOptions {
  store: ReadinessStore;
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
  collector: FactCollector;
  pack: PackIndex;
  metrics: ReadinessMetrics;
  kinds: string[];
  concurrency: number;
  pageSize: number;
  historyRetentionDays: number;
  /** Called after every write, e.g. to drop cached aggregates. */
  onWrite?: () => void;
  /**
   * Called with the entities whose level changed in a write (e.g. to tell
   * their owners). Its failures are logged, never fail the scoring.
   */
  onLevelChanges?: (changes: LevelChange[]) => Promise<void>;
  /**
   * Which entities reading the level of one whose level moved are rescored
   * by the next delta pass (see `EntityScorerOptions.rescoreDependents`).
   */
  rescoreDependents?: DependentRelations;
  /** The clock; tests pass their own. */
  now?: () => Date;
}

/**
 * The {@link ScoringService}: pages through the catalog with cursors
 * (`pageSize` entities at a time, prefetching the next page while scoring
 * the current one), collects facts for `concurrency` entities at a time,
 * evaluates them with the check pack and writes each page in one
 * transaction. Only after a complete run are entities that left the catalog
 * removed and old history purged.
 *
 * @internal
 */
export class DefaultScoringService implements ScoringService {
  /** Creates the service. */
  static create(options: DefaultScoringServiceOptions): DefaultScoringService {
    return new DefaultScoringService(options);
  }

  /** Scores and writes entities; shared with shards and the delta pass. */
  readonly scorer: EntityScorer;

  private constructor(private readonly options: DefaultScoringServiceOptions) {
    this.scorer = new EntityScorer(options);
  }

  private now(): Date {
    return this.options.now ? this.options.now() : new Date();
  }

  async rescoreAll(run: RunInfo, signal: AbortSignal): Promise<RunInfo> {
    const { metrics } = this.options;
    return metrics.tracer.startActiveSpan('readiness.rescore', async span => {
      span.setAttribute('readiness.run.id', run.id);
      span.setAttribute('readiness.run.trigger', run.trigger);
      const logger = this.options.logger.child({ runId: run.id });
      const started = performance.now();
      // Every provider call of the `concurrency` entities in flight listens
      // for cancellation on this one signal: more than Node's default of 10
      // listeners is expected, not a leak (each is removed when its call ends).
      setMaxListeners(0, signal);
      const failure: { error?: unknown } = {};
      const outcome = await this.runAll(run, signal, logger, failure);
      const seconds = (performance.now() - started) / 1000;
      span.setAttribute('readiness.entities', outcome.entitiesDone);
      if (outcome.status === 'failed') {
        if (failure.error instanceof Error) {
          span.recordException(failure.error);
        }
        span.setStatus({
          code: SpanStatusCode.ERROR,
          message: outcome.errors[outcome.errors.length - 1],
        });
      }
      span.end();
      metrics.recordRescore(
        seconds,
        outcome.status === 'failed' ? 'failed' : 'succeeded',
      );
      const rate = seconds > 0 ? Math.round(outcome.entitiesDone / seconds) : 0;
      // One line per rescore, its numbers as fields (the runId comes from the child logger).
      const fields = {
        status: outcome.status,
        trigger: run.trigger,
        entitiesTotal: outcome.entitiesTotal ?? outcome.entitiesDone,
        entitiesDone: outcome.entitiesDone,
        errors: outcome.errors.length,
        durationSeconds: Number(seconds.toFixed(3)),
        entitiesPerSecond: rate,
      };
      if (outcome.status === 'failed') {
        const { error } = failure;
        logger.error(
          `Rescore failed after ${
            outcome.entitiesDone
          } entities in ${seconds.toFixed(1)}s: ${
            outcome.errors[outcome.errors.length - 1]
          }`,
          error instanceof Error
            ? { ...fields, errorName: error.name, stack: error.stack ?? '' }
            : fields,
        );
      } else {
        logger.info(
          `Rescored ${outcome.entitiesDone} entities in ${seconds.toFixed(
            1,
          )}s (${rate}/s) with ${outcome.errors.length} errors`,
          fields,
        );
      }
      return outcome;
    });
  }

  private async runAll(
    run: RunInfo,
    signal: AbortSignal,
    logger: LoggerService,
    failure: { error?: unknown },
  ): Promise<RunInfo> {
    const { store, catalog, auth, metrics } = this.options;
    const progress: RunProgress = {
      done: 0,
      total: undefined,
      rowsWritten: 0,
      errors: [],
      errorCount: 0,
      stages: {
        catalogWaitMs: 0,
        scoreMs: 0,
        writeMs: 0,
        writeWaitMs: 0,
        cleanUpMs: 0,
      },
    };
    const { stages } = progress;
    const since = (started: number) => performance.now() - started;
    const addError = (message: string) => {
      progress.errorCount += 1;
      if (progress.errors.length < MAX_RUN_ERRORS) {
        progress.errors.push(message);
      }
    };
    const seen = new Set<string>();
    const stateCounts: Partial<Record<CheckState, number>> = {};
    // Page writes in flight; a failed one stays until the run sees it.
    const writing = new Set<Promise<void>>();

    logger.info(`Rescore started (${run.trigger})`);
    const work = async (): Promise<RunInfo> => {
      const credentials = await auth.getOwnServiceCredentials();
      const exemptions = await this.scorer.activeExemptionsByEntity();
      const fetchPage = (cursor?: string) => {
        const page = catalog.queryEntities(
          cursor
            ? { cursor, limit: this.options.pageSize }
            : {
                filter: { kind: this.options.kinds },
                limit: this.options.pageSize,
              },
          { credentials },
        );
        // Awaited below; this keeps an early failure from being unhandled.
        page.catch(() => undefined);
        return page;
      };

      let next: Promise<QueryEntitiesResponse> | undefined = fetchPage();
      while (next) {
        let started = performance.now();
        const page: QueryEntitiesResponse = await next;
        stages.catalogWaitMs += since(started);
        progress.total ??= page.totalItems;
        const cursor = page.pageInfo.nextCursor;
        next = cursor ? fetchPage(cursor) : undefined;
        if (signal.aborted) {
          throw abortReason(signal);
        }

        started = performance.now();
        const batch = await this.scorer.scoreBatch(
          page.items,
          run.id,
          signal,
          this.options.concurrency,
          exemptions,
        );
        stages.scoreMs += since(started);
        for (const ref of batch.seen) {
          seen.add(ref);
        }
        batch.errors.forEach(addError);
        for (const [state, n] of Object.entries(batch.stateCounts)) {
          const key = state as CheckState;
          stateCounts[key] = (stateCounts[key] ?? 0) + (n ?? 0);
        }
        // Write this page while the next one is scored, at most
        // WRITES_IN_FLIGHT pages at a time (a page holds distinct entities).
        started = performance.now();
        while (writing.size >= WRITES_IN_FLIGHT) {
          await Promise.race(writing);
        }
        stages.writeWaitMs += since(started);
        const write = this.writePage(run, batch, page.items.length, progress);
        writing.add(write);
        // A failure is seen by the next wait or at the end; not unhandled.
        write.then(
          () => writing.delete(write),
          () => undefined,
        );
      }
      let started = performance.now();
      await Promise.all(writing);
      stages.writeWaitMs += since(started);

      // The run is complete: now entities that left the catalog can go.
      started = performance.now();
      const now = this.now();
      const gone = (await store.listScoredEntityRefs()).filter(
        ref => !seen.has(ref),
      );
      await this.cleanUpAfterRun(gone, progress.rowsWritten, logger);
      stages.cleanUpMs += since(started);
      metrics.setResultCounts(stateCounts);
      logger.info(
        `Rescore stages: catalog wait ${inSeconds(
          stages.catalogWaitMs,
        )}, scoring ${inSeconds(stages.scoreMs)}, writes ${inSeconds(
          stages.writeMs,
        )} (waited ${inSeconds(stages.writeWaitMs)}), clean-up ${inSeconds(
          stages.cleanUpMs,
        )}`,
        Object.fromEntries(
          Object.entries(stages).map(([k, v]) => [k, Math.round(v)]),
        ),
      );
      await store.updateRun(run.id, {
        status: 'succeeded',
        finishedAt: now,
        entitiesTotal: progress.total ?? progress.done,
        entitiesDone: progress.done,
        errors: this.errorsWithCount(progress),
        heartbeatAt: now,
      });
      return {
        ...run,
        status: 'succeeded',
        finishedAt: now.toISOString(),
        entitiesTotal: progress.total ?? progress.done,
        entitiesDone: progress.done,
        errors: this.errorsWithCount(progress),
      };
    };
    try {
      // The run ends when its signal aborts (timeout, lost database), even
      // while a call to the catalog or the database hangs.
      return await untilAborted(work(), signal);
    } catch (error) {
      // Let a page write in flight finish (or fail) before recording the end,
      // unless the run was aborted: then it may never answer.
      if (!signal.aborted) {
        await Promise.allSettled(writing);
      }
      failure.error = error;
      const now = this.now();
      addError(`Run failed: ${describeError(error)}`);
      const finalErrors = this.errorsWithCount(progress, true);
      try {
        // Bounded: with the database gone the run still ends here; its row is
        // then marked failed once its heartbeat is stale.
        // Retried: a failure from terminated connections often takes the
        // next connection of the pool down with it, and a run left `running`
        // would wait for the stale check of the next run request.
        await withTimeout(
          retryWithBackoff(() =>
            store.updateRun(run.id, {
              status: 'failed',
              finishedAt: now,
              entitiesTotal: progress.total,
              entitiesDone: progress.done,
              errors: finalErrors,
              heartbeatAt: now,
            }),
          ),
          RECORD_FAILURE_TIMEOUT_MS,
        );
      } catch (updateError) {
        logger.error(
          `Could not record the failure of run ${run.id}: ${describeError(
            updateError,
          )}`,
        );
      }
      return {
        ...run,
        status: 'failed',
        finishedAt: now.toISOString(),
        entitiesTotal: progress.total,
        entitiesDone: progress.done,
        errors: finalErrors,
      };
    }
  }

  /**
   * Sets the `readiness.results` gauge from the stored results: after a
   * sharded run, in which each replica scored only some of the entities.
   */
  async recordResultCounts(): Promise<void> {
    this.options.metrics.setResultCounts(
      await this.options.store.countResultsByState(),
    );
  }

  /**
   * After a complete run: removes the entities gone from the catalog,
   * purges history past its retention and refreshes planner statistics
   * after large writes.
   */
  async cleanUpAfterRun(
    gone: string[],
    rowsWritten: number,
    logger: LoggerService = this.options.logger,
  ): Promise<void> {
    const { store } = this.options;
    const now = this.now();
    const removed = await store.removeEntities(gone, now);
    const cutoff = new Date(
      now.getTime() - this.options.historyRetentionDays * 86_400_000,
    );
    const purged = await store.purgeBefore(cutoff);
    if (rowsWritten + removed >= OPTIMIZE_AFTER_ROWS) {
      await store.optimize();
    }
    this.options.onWrite?.();
    if (removed > 0 || purged > 0) {
      logger.info(
        `Removed ${removed} entities no longer in the catalog; purged ${purged} rows older than ${cutoff.toISOString()}`,
      );
    }
  }

  /** Writes one page of scores and records the run's progress. */
  private async writePage(
    run: RunInfo,
    batch: ScoredBatch,
    pageSize: number,
    progress: RunProgress,
  ): Promise<void> {
    const started = performance.now();
    const stats = await this.scorer.writeBatch(batch, run.trigger);
    progress.stages.writeMs += performance.now() - started;
    progress.rowsWritten += stats.resultsWritten + stats.scoresWritten;
    progress.done += pageSize;
    await this.options.store.updateRun(run.id, {
      entitiesTotal: progress.total,
      entitiesDone: progress.done,
      errors: this.errorsWithCount(progress),
      heartbeatAt: this.now(),
    });
  }

  /** The stored errors, with a note of how many were left out. */
  private errorsWithCount(progress: RunProgress, keepLast = false): string[] {
    return errorsWithCount(progress.errors, progress.errorCount, keepLast);
  }

  async scoreEntity(entity: Entity): Promise<void> {
    const { store, logger } = this.options;
    const ref = stringifyEntityRef(entity);
    const run = await store.createRun({
      trigger: 'entity',
      claimed: true,
      now: this.now(),
    });
    const runLogger = logger.child({ runId: run.id, entityRef: ref });
    try {
      const exemptions = await this.scorer.activeExemptionsByEntity(ref);
      const write = await this.scorer.scoreOne(
        entity,
        run.id,
        new AbortController().signal,
        exemptions.get(ref),
      );
      const now = this.now();
      if (write) {
        await this.scorer.write([write], [entity]);
      } else {
        await store.removeEntities([ref], now);
        this.options.onWrite?.();
      }
      this.options.metrics.recordEntitiesScored(write ? 1 : 0, 'entity');
      await store.updateRun(run.id, {
        status: 'succeeded',
        finishedAt: now,
        entitiesTotal: 1,
        entitiesDone: 1,
        heartbeatAt: now,
      });
      runLogger.info(`Rescored ${ref}`);
    } catch (error) {
      const now = this.now();
      await store.updateRun(run.id, {
        status: 'failed',
        finishedAt: now,
        entitiesTotal: 1,
        entitiesDone: 0,
        errors: [`${ref}: ${describeError(error)}`],
        heartbeatAt: now,
      });
      runLogger.error(`Rescoring ${ref} failed: ${describeError(error)}`);
      throw error;
    }
  }
}
