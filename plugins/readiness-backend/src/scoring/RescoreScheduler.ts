import type {
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { durationToMilliseconds } from '@backstage/types';
import type { RunInfo } from '@prodready/plugin-readiness-common';
import type { ReadinessStore } from '../database/ReadinessStore';
import type { ScoringService } from './ScoringService';

/** The id of the scheduled task. */
export const RESCORE_TASK_ID = 'readiness-rescore';

/**
 * Options of {@link RescoreScheduler.create}.
 *
 * @public
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
 * @public
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
  #stopped = false;

  private constructor(private readonly options: RescoreSchedulerOptions) {}

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
    if (this.#settleTimer) {
      clearTimeout(this.#settleTimer);
      this.#settleTimer = undefined;
    }
  }

  /** Milliseconds after which a silent run counts as interrupted. */
  private staleAfterMs(): number {
    return Math.max(
      durationToMilliseconds(
        'toMillis' in this.options.schedule.timeout
          ? { milliseconds: this.options.schedule.timeout.toMillis() }
          : this.options.schedule.timeout,
      ),
      60_000,
    );
  }

  /**
   * The body of the scheduled task: claims a run requested through the API
   * (or starts a scheduled one) and rescores everything.
   */
  async runTask(signal: AbortSignal): Promise<RunInfo> {
    const { store, scoring, logger } = this.options;
    const now = this.now();
    const stale = await store.failStaleRuns(
      new Date(now.getTime() - this.staleAfterMs()),
      now,
    );
    if (stale > 0) {
      logger.warn(`Marked ${stale} interrupted rescore runs as failed`);
    }
    const run =
      (await store.claimRequestedRun(now)) ??
      (await store.createRun({ trigger: 'schedule', claimed: true, now }));
    const outcome = await scoring.rescoreAll(run, signal);
    this.afterRun(outcome);
    return outcome;
  }

  /**
   * Starts a full rescore now, or returns the one running or waiting.
   */
  async requestRun(): Promise<RunInfo> {
    const { store, scheduler, logger } = this.options;
    const now = this.now();
    const active = await store.getActiveRun(
      new Date(now.getTime() - this.staleAfterMs()),
    );
    if (active) {
      return active;
    }
    const run = await store.createRun({
      trigger: 'manual',
      claimed: false,
      now,
    });
    // Not awaited: some schedulers run the task inside triggerTask.
    scheduler.triggerTask(RESCORE_TASK_ID).catch(error => {
      logger.info(
        `Requested rescore ${run.id} waits for the running one: ${
          (error as Error).message
        }`,
      );
    });
    return run;
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
    this.#settleTimer = setTimeout(() => {
      this.#settleTimer = undefined;
      this.options.scheduler.triggerTask(RESCORE_TASK_ID).catch(error => {
        this.options.logger.debug(
          `Settle rescore skipped: ${(error as Error).message}`,
        );
      });
    }, this.options.settleDelayMs);
    this.#settleTimer.unref?.();
  }
}
