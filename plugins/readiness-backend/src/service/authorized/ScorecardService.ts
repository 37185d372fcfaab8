import type { EntityScorecardResponse } from '@prodready/plugin-readiness-common';
import type { PreparedJson } from '../PreparedJson';
import type { CallerOptions } from './CallerOptions';

/**
 * One entity's scorecard, as the caller may see it. What the REST API and
 * the actions call; implemented by {@link AuthorizedScorecardService}.
 *
 * @internal
 */
export interface ScorecardService {
  /**
   * The scorecard of a scored entity the caller may read in the catalog;
   * NotFoundError when it is missing, hidden or not scored. Learn-from
   * exemplars are limited to entities the caller may read.
   */
  getScorecard(
    entityRef: string,
    options: CallerOptions,
  ): Promise<EntityScorecardResponse>;

  /**
   * The same scorecard as a prepared JSON body with its ETag, reused while
   * nothing it was built from changed (the REST API's page view).
   */
  getScorecardJson(
    entityRef: string,
    options: CallerOptions,
  ): Promise<PreparedJson>;

  /**
   * Collects facts and scores the entity now (needs
   * `readiness.entity.refresh`), then returns its new scorecard.
   */
  refresh(
    entityRef: string,
    options: CallerOptions,
  ): Promise<EntityScorecardResponse>;
}
