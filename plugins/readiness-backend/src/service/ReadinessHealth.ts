import type { RunInfo } from '@prodready/plugin-readiness-common';

/**
 * What `GET /health` reports: whether the plugin can serve (its database
 * answers) and how old the last scoring run is.
 *
 * @internal
 */
export interface HealthReport {
  status: 'ok' | 'unavailable';
  database: {
    status: 'ok' | 'unavailable';
    /** How long `select 1` took. */
    latencyMs?: number;
    /** Why the database is unavailable, without driver details. */
    message?: string;
  };
  /** The newest scoring run, when the database answers and there is one. */
  lastRun?: {
    id: string;
    status: RunInfo['status'];
    startedAt: string;
    finishedAt?: string;
    /** Seconds since the run finished, or started when it has not. */
    ageSeconds: number;
  };
}

/**
 * Options of {@link ReadinessHealth.create}.
 *
 * @internal
 */
export interface ReadinessHealthOptions {
  /** A cheap round trip to the database (`checkDatabase`). */
  checkDatabase: () => Promise<void>;
  /** The newest runs, newest first (the store's `listRuns`). */
  listRuns: (limit: number) => Promise<RunInfo[]>;
  /** How long a database check may take before it counts as failed. Default 2 s. */
  timeoutMs?: number;
  /** How long a database check result is reused. Default 2 s. */
  cacheMs?: number;
  now?: () => number;
}

/**
 * The plugin's own health: a cheap database check (reused for a moment, so
 * a burst of failing requests costs one check) and the age of the last
 * run. The router uses it for `GET /health` and to tell a database outage
 * (503) from a bad request.
 *
 * @internal
 */
export class ReadinessHealth {
  static create(options: ReadinessHealthOptions): ReadinessHealth {
    return new ReadinessHealth(options);
  }

  #lastCheck:
    | { at: number; result: Promise<HealthReport['database']> }
    | undefined;

  private constructor(private readonly options: ReadinessHealthOptions) {}

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  /** Whether the database answers now (a recent answer is reused). */
  async isDatabaseAvailable(): Promise<boolean> {
    return (await this.checkDatabase()).status === 'ok';
  }

  /** The full report of `GET /health`. */
  async report(): Promise<HealthReport> {
    const database = await this.checkDatabase();
    if (database.status !== 'ok') {
      return { status: 'unavailable', database };
    }
    let lastRun: HealthReport['lastRun'];
    try {
      const [run] = await this.options.listRuns(1);
      if (run) {
        const at = Date.parse(run.finishedAt ?? run.startedAt);
        lastRun = {
          id: run.id,
          status: run.status,
          startedAt: run.startedAt,
          finishedAt: run.finishedAt,
          ageSeconds: Math.max(0, Math.round((this.now() - at) / 1000)),
        };
      }
    } catch {
      return {
        status: 'unavailable',
        database: { status: 'unavailable', message: 'Could not read runs' },
      };
    }
    return { status: 'ok', database, lastRun };
  }

  private checkDatabase(): Promise<HealthReport['database']> {
    const now = this.now();
    const cacheMs = this.options.cacheMs ?? 2000;
    if (this.#lastCheck && now - this.#lastCheck.at < cacheMs) {
      return this.#lastCheck.result;
    }
    const result = this.runCheck();
    this.#lastCheck = { at: now, result };
    return result;
  }

  private async runCheck(): Promise<HealthReport['database']> {
    const timeoutMs = this.options.timeoutMs ?? 2000;
    const started = this.now();
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.options.checkDatabase(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`no answer within ${timeoutMs} ms`)),
            timeoutMs,
          );
        }),
      ]);
      return { status: 'ok', latencyMs: this.now() - started };
    } catch (error) {
      const timedOut = /no answer within/.test(String(error));
      return {
        status: 'unavailable',
        message: timedOut
          ? `The database did not answer within ${timeoutMs} ms`
          : 'The database refused the connection or the query',
      };
    } finally {
      clearTimeout(timer);
    }
  }
}
