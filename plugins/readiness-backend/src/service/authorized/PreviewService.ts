import type { PackChangePreview } from '@prodready/plugin-readiness-common';
import type { ProposedPackConfig } from '../models/PreviewModel';
import type { CallerOptions } from './CallerOptions';

/**
 * Previews of check-pack changes over the entities the caller may read.
 * Implemented by {@link AuthorizedPreviewService}.
 *
 * @internal
 */
export interface PreviewService {
  /** What promoting advisory checks would do. */
  promote(
    checkIds: string[],
    options: CallerOptions,
  ): Promise<PackChangePreview>;

  /** What a proposed `readiness.checks`/`readiness.levels` would do. */
  proposed(
    config: ProposedPackConfig,
    options: CallerOptions,
  ): Promise<PackChangePreview>;
}
