import type {
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import { durationToMilliseconds } from '@backstage/types';
import type { RunInfo } from '@prodready/plugin-readiness-common';
import type { ReadinessStore } from '../database/ReadinessStore';
import type { ScoringService } from './ScoringService';
import { describeError } from './runErrors';

/** The id of the scheduled task. */
export const RESCORE_TASK_ID = 'readiness-rescore';

/** Default time between two heartbeats of a running full run. */
const DEFAULT_HEARTBEAT_INTERVAL_MS = 10_000;
/** Default time without a heartbeat after which a run counts as dead. */
const DEFAULT_STALE_AFTER_MS = 60_000;

/**
 * Options of {@link RescoreScheduler.create}.
 *
 * @internal
 */
export interface RescoreSchedulerOptions {
  scheduler: SchedulerService;
  store: ReadinessStore;
  scoring: ScoringService;
  logger: LoggerService;
  schedule: SchedulerServiceTaskScheduleDefinition;
  /** Delay of a settle rerun (see {@link RescoreScheduler}). */
  settleDelayMs: number;
  /** Settle reruns in a row at most. */
  maxSettleRuns: number;
  /** Time between two heartbeats of a running full run; 10 s by default. */
  heartbeatIntervalMs?: number;
  /**
   * Time without a heartbeat after which a run counts as dead (its process
   * stopped or lost its database) and is marked failed; 60 s by default.
   */
  staleAfterMs?: number;
  now?: () => Date;
}

/**
 * Runs full rescores through the scheduler: on the configured cadence, with
 * `scope: 'global'` so one runs at a time across replicas, and on request
 * (`POST /runs`).
 *
 * The catalog may still be ingesting when a backend starts, so a process
 * rescores once more `settleDelayMs` after its first run, and again after
 * every run that saw a different number of entities than the run before,
 * at most `maxSettleRuns` times in a row.
 *
 * Runs always end: one full run at a time is the database's rule (creating
 * a second one fails on every replica), a running full run records a
 * heartbeat every `heartbeatIntervalMs`, and a run without one for
 * `staleAfterMs` is marked failed before any new run is created or handed
 * back. A run that cannot record its heartbeat for that long (its database
 * is gone) is aborted and ends failed with the reason.
 *
 * @internal
 */
export class RescoreScheduler {
  /** Creates the scheduler; call {@link RescoreScheduler.start} to schedule. */
  static create(options: RescoreSchedulerOptions): RescoreScheduler {
    return new RescoreScheduler(options);
  }

  #runsInProcess = 0;
  #lastCount: number | undefined;
  #settleRuns = 0;
  #settleTimer: NodeJS.Timeout | undefined;
  #settleDueAt: number | undefined;
  #stopped = false;
  readonly #createdAt: number;

  private constructor(private readonly options: RescoreSchedulerOptions) {
    this.#createdAt = this.now().getTime();
  }

  private now(): Date {
    return this.options.now ? this.options.now() : new Date();
  }

  /** Schedules the periodic task. */
  async start(): Promise<void> {
    await this.options.scheduler.scheduleTask({
      id: RESCORE_TASK_ID,
      ...this.options.schedule,
      scope: 'global',
      fn: signal => this.runTask(signal).then(() => undefined),
    });
  }

  /** Cancels a pending settle rerun; call on shutdown. */
  stop(): void {
    this.#stopped = true;
    this.#settleDueAt = undefined;
    if (this.#settleTimer) {
      clearTimeout(this.#settleTimer);
      this.#settleTimer = undefined;
    }
  }

  /** The schedule's timeout, the longest a run may take. */
  private timeoutMs(): number {
    return durationToMilliseconds(
      'toMillis' in this.options.schedule.timeout
        ? { milliseconds: this.options.schedule.timeout.toMillis() }
        : this.options.schedule.timeout,
    );
  }

  /** Milliseconds of a schedule duration; undefined for cron or manual. */
  private static durationMs(
    value: SchedulerServiceTaskScheduleDefinition['frequency'] | undefined,
  ): number | undefined {
    if (!value || 'cron' in value || 'trigger' in value) {
      return undefined;
    }
    return durationToMilliseconds(
      'toMillis' in value ? { milliseconds: value.toMillis() } : value,
    );
  }

  /**
   * When the next full run is expected to start: the last full run's start
   * plus the schedule's frequency (the first run: start-up plus the initial
   * delay), or a pending settle rerun if sooner. Undefined while a full run
   * is running, and for cron or manual schedules.
   */
  async nextRunAt(): Promise<Date | undefined> {
    const now = this.now().getTime();
    const runs = await this.options.store.listRuns(20);
    const lastFull = runs.find(
      run => run.trigger === 'schedule' || run.trigger === 'manual',
    );
    if (lastFull?.status === 'running') {
      return undefined;
    }
    const { schedule } = this.options;
    const periodMs = RescoreScheduler.durationMs(schedule.frequency);
    const candidates: number[] = [];
    if (this.#settleDueAt !== undefined) {
      candidates.push(this.#settleDueAt);
    }
    if (periodMs !== undefined) {
      candidates.push(
        lastFull
          ? Date.parse(lastFull.startedAt) + periodMs
          : this.#createdAt +
              (RescoreScheduler.durationMs(schedule.initialDelay) ?? 0),
      );
    }
    if (candidates.length === 0) {
      return undefined;
    }
    return new Date(Math.max(now, Math.min(...candidates)));
  }

  private staleAfterMs(): number {
    return this.options.staleAfterMs ?? DEFAULT_STALE_AFTER_MS;
  }

  /** Marks runs without a recent heartbeat as failed; returns the cut-off. */
  private async failStaleRuns(now: Date): Promise<Date> {
    const heartbeatBefore = new Date(now.getTime() - this.staleAfterMs());
    const stale = await this.options.store.failStaleRuns(heartbeatBefore, now);
    if (stale > 0) {
      this.options.logger.warn(
        `Marked ${stale} interrupted rescore runs as failed`,
      );
    }
    return heartbeatBefore;
  }

  /**
   * The body of the scheduled task: claims a run requested through the API
   * (or starts a scheduled one) and rescores everything. Undefined when
   * another full run is running (started on another replica outside the
   * scheduler).
   */
  async runTask(signal: AbortSignal): Promise<RunInfo | undefined> {
    const { store, logger } = this.options;
    const now = this.now();
    await this.failStaleRuns(now);
    let run = await store.claimRequestedRun(now);
    if (!run) {
      try {
        run = await store.createRun({
          trigger: 'schedule',
          claimed: true,
          now,
        });
      } catch (error) {
        if (!ConflictError.is(error)) {
          throw error;
        }
        logger.info(`Scheduled rescore skipped: ${error.message}`);
        return undefined;
      }
    }
    return this.execute(run, signal);
  }

  /**
   * Starts a full rescore now, or returns the one running or waiting. Never
   * returns a run whose process is gone: those are marked failed first.
   */
  async requestRun(): Promise<RunInfo> {
    const { store, scheduler, logger } = this.options;
    const now = this.now();
    const heartbeatAfter = await this.failStaleRuns(now);
    const active = await store.getActiveRun(heartbeatAfter);
    if (active) {
      return active;
    }
    let run: RunInfo;
    try {
      run = await store.createRun({ trigger: 'manual', claimed: false, now });
    } catch (error) {
      // Another request (on this or another replica) created it first.
      const winner = ConflictError.is(error)
        ? await store.getActiveRun(heartbeatAfter)
        : undefined;
      if (winner) {
        return winner;
      }
      throw error;
    }
    // Not awaited: some schedulers run the task inside triggerTask.
    scheduler.triggerTask(RESCORE_TASK_ID).catch(error => {
      // The scheduler still counts a task as running whose process died (until
      // the task's timeout); no full run is running, or this one could not
      // have been created, so this process runs it.
      logger.info(
        `Requested rescore ${
          run.id
        } starts in this process: the scheduler did not start it (${describeError(
          error,
        )})`,
      );
      this.runRequestedHere().catch(runError => {
        logger.error(
          `Requested rescore ${run.id} failed to start: ${describeError(
            runError,
          )}`,
        );
      });
    });
    return run;
  }

  /** Claims the requested run, if still waiting, and runs it here. */
  private async runRequestedHere(): Promise<void> {
    const run = await this.options.store.claimRequestedRun(this.now());
    if (run) {
      await this.execute(run, AbortSignal.timeout(this.timeoutMs()));
    }
  }

  /**
   * Rescores everything in a claimed run, recording a heartbeat meanwhile;
   * aborts the run when no heartbeat could be recorded for `staleAfterMs`.
   */
  private async execute(run: RunInfo, signal: AbortSignal): Promise<RunInfo> {
    const { store, scoring, logger } = this.options;
    const lost = new AbortController();
    let lastBeat = this.now().getTime();
    let beating = false;
    const beat = async () => {
      const at = this.now();
      if (at.getTime() - lastBeat >= this.staleAfterMs()) {
        lost.abort(
          new Error(
            `Lost the database: no heartbeat recorded since ${new Date(
              lastBeat,
            ).toISOString()}`,
          ),
        );
        return;
      }
      if (beating) {
        return;
      }
      beating = true;
      try {
        await store.updateRun(run.id, { heartbeatAt: at });
        lastBeat = at.getTime();
      } catch (error) {
        logger.warn(
          `Could not record the heartbeat of run ${run.id}: ${describeError(
            error,
          )}`,
        );
      } finally {
        beating = false;
      }
    };
    const timer = setInterval(
      () => void beat(),
      this.options.heartbeatIntervalMs ?? DEFAULT_HEARTBEAT_INTERVAL_MS,
    );
    timer.unref?.();
    try {
      const outcome = await scoring.rescoreAll(
        run,
        AbortSignal.any([signal, lost.signal]),
      );
      this.afterRun(outcome);
      return outcome;
    } finally {
      clearInterval(timer);
    }
  }

  private afterRun(outcome: RunInfo): void {
    this.#runsInProcess += 1;
    const count = outcome.entitiesDone;
    const first = this.#runsInProcess === 1;
    const changed = this.#lastCount !== undefined && this.#lastCount !== count;
    if (outcome.status === 'succeeded') {
      this.#lastCount = count;
    }
    if (
      this.#stopped ||
      outcome.status !== 'succeeded' ||
      !(first || changed) ||
      this.#settleRuns >= this.options.maxSettleRuns
    ) {
      if (!(first || changed)) {
        this.#settleRuns = 0;
      }
      return;
    }
    this.#settleRuns += 1;
    if (this.#settleTimer) {
      clearTimeout(this.#settleTimer);
    }
    this.#settleDueAt = this.now().getTime() + this.options.settleDelayMs;
    this.#settleTimer = setTimeout(() => {
      this.#settleTimer = undefined;
      this.#settleDueAt = undefined;
      this.options.scheduler.triggerTask(RESCORE_TASK_ID).catch(error => {
        this.options.logger.debug(
          `Settle rescore skipped: ${(error as Error).message}`,
        );
      });
    }, this.options.settleDelayMs);
    this.#settleTimer.unref?.();
  }
}
