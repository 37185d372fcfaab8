import type { RunInfo, RunSchedule } from '@prodready/plugin-readiness-common';
import type { CallerOptions } from './CallerOptions';

/**
 * Scoring runs, without errors about entities the caller may not read.
 * Implemented by {@link AuthorizedRunsService}.
 *
 * @internal
 */
export interface RunsService {
  /** Recent runs, newest first. */
  list(limit: number, options: CallerOptions): Promise<RunInfo[]>;

  /** One run; NotFoundError when there is none with that id. */
  get(id: string, options: CallerOptions): Promise<RunInfo>;

  /**
   * Starts a full rescore (needs `readiness.rescore`), or returns the one
   * already running.
   */
  start(options: CallerOptions): Promise<RunInfo>;

  /** When entities are scored next (no entity data: no permission needed). */
  schedule(): Promise<RunSchedule>;
}
