import type { PackChangePreview } from '@prodready/plugin-readiness-common';
import type { ReadinessAuthorizer } from '../../permissions/ReadinessAuthorizer';
import type { PreviewModel, ProposedPackConfig } from '../models/PreviewModel';
import type { CallerOptions } from './CallerOptions';
import type { PreviewService } from './PreviewService';

/**
 * {@link PreviewService} over the entities the caller may read in the
 * catalog: the others are neither counted nor listed, so a preview reveals
 * nothing of them. Read-only: it needs no permission beyond that.
 *
 * @internal
 */
export class AuthorizedPreviewService implements PreviewService {
  constructor(
    private readonly model: PreviewModel,
    private readonly authorizer: ReadinessAuthorizer,
  ) {}

  async promote(
    checkIds: string[],
    { credentials }: CallerOptions,
  ): Promise<PackChangePreview> {
    const visible = await this.authorizer.getVisibleEntityRefs(credentials);
    return this.model.promote(checkIds, visible);
  }

  async proposed(
    config: ProposedPackConfig,
    { credentials }: CallerOptions,
  ): Promise<PackChangePreview> {
    const visible = await this.authorizer.getVisibleEntityRefs(credentials);
    return this.model.proposed(config, visible);
  }
}
