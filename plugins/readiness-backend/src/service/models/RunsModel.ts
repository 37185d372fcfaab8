import { NotFoundError } from '@backstage/errors';
import type { RunInfo } from '@prodready/plugin-readiness-common';
import type {
  ReadinessStore,
  VisibleEntityRefs,
} from '../../database/ReadinessStore';
import { visibleRunErrors } from './visibleRunErrors';

/**
 * Starts a full rescore (implemented by the rescore scheduler).
 *
 * @internal
 */
export interface RescoreRequester {
  /** Starts a full rescore now, or returns the one running or waiting. */
  requestRun(): Promise<RunInfo>;
}

/**
 * Scoring runs: list, progress of one, start a full rescore.
 *
 * @internal
 */
export class RunsModel {
  constructor(
    private readonly store: ReadinessStore,
    private readonly requester: RescoreRequester,
  ) {}

  /**
   * Recent runs, newest first, without errors about entities outside
   * `visible`.
   */
  async list(limit: number, visible: VisibleEntityRefs): Promise<RunInfo[]> {
    const runs = await this.store.listRuns(limit);
    return runs.map(run => visibleRunErrors(run, visible));
  }

  /** One run; NotFoundError when there is none with that id. */
  async get(id: string, visible: VisibleEntityRefs): Promise<RunInfo> {
    const run = await this.store.getRun(id);
    if (!run) {
      throw new NotFoundError(`No scoring run ${id}`);
    }
    return visibleRunErrors(run, visible);
  }

  /** Starts a full rescore, or returns the one already running. */
  async start(): Promise<RunInfo> {
    return this.requester.requestRun();
  }
}
