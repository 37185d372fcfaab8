import type { RunInfo, RunSchedule } from '@prodready/plugin-readiness-common';
import { readinessRescorePermission } from '@prodready/plugin-readiness-common';
import type { ReadinessAuthorizer } from '../../permissions/ReadinessAuthorizer';
import type { RunsModel } from '../models/RunsModel';
import type { CallerOptions } from './CallerOptions';
import type { RunsService } from './RunsService';

/**
 * {@link RunsService} that leaves out run errors about entities the caller
 * may not read and needs `readiness.rescore` to start a run.
 *
 * @internal
 */
export class AuthorizedRunsService implements RunsService {
  constructor(
    private readonly model: RunsModel,
    private readonly authorizer: ReadinessAuthorizer,
  ) {}

  async list(
    limit: number,
    { credentials }: CallerOptions,
  ): Promise<RunInfo[]> {
    const visible = await this.authorizer.getVisibleEntityRefs(credentials);
    return this.model.list(limit, visible);
  }

  async get(id: string, { credentials }: CallerOptions): Promise<RunInfo> {
    const visible = await this.authorizer.getVisibleEntityRefs(credentials);
    return this.model.get(id, visible);
  }

  schedule(): Promise<RunSchedule> {
    return this.model.schedule();
  }

  async start({ credentials }: CallerOptions): Promise<RunInfo> {
    await this.authorizer.authorize(credentials, readinessRescorePermission);
    return this.model.start();
  }
}
