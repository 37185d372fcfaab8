import type { Entity } from '@backstage/catalog-model';
import type { RunInfo } from '@prodready/plugin-readiness-common';

/**
 * Scores catalog entities: all of them in a run, or one on demand.
 *
 * @internal
 */
export interface ScoringService {
  /**
   * Scores every entity of the scored kinds, page by page, and records the
   * run's progress. Never throws: a failed run is returned with status
   * `failed` and its errors; results written before the failure stay, and
   * nothing is removed.
   */
  rescoreAll(run: RunInfo, signal: AbortSignal): Promise<RunInfo>;
  /** Collects facts for one entity and scores it now. */
  scoreEntity(entity: Entity): Promise<void>;
}
