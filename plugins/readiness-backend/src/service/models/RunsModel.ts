import { NotFoundError } from '@backstage/errors';
import type { RunInfo } from '@prodready/plugin-readiness-common';
import type { ReadinessStore } from '../../database/ReadinessStore';

/**
 * Starts a full rescore (implemented by the rescore scheduler).
 *
 * @public
 */
export interface RescoreRequester {
  /** Starts a full rescore now, or returns the one running or waiting. */
  requestRun(): Promise<RunInfo>;
}

/**
 * Scoring runs: list, progress of one, start a full rescore.
 *
 * @public
 */
export class RunsModel {
  constructor(
    private readonly store: ReadinessStore,
    private readonly requester: RescoreRequester,
  ) {}

  /** Recent runs, newest first. */
  async list(limit: number): Promise<RunInfo[]> {
    return this.store.listRuns(limit);
  }

  /** One run; NotFoundError when there is none with that id. */
  async get(id: string): Promise<RunInfo> {
    const run = await this.store.getRun(id);
    if (!run) {
      throw new NotFoundError(`No scoring run ${id}`);
    }
    return run;
  }

  /** Starts a full rescore, or returns the one already running. */
  async start(): Promise<RunInfo> {
    return this.requester.requestRun();
  }
}
