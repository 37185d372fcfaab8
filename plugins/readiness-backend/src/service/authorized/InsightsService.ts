import type {
  ChampionsResponse,
  EntityRollup,
  RollupResponse,
  TrendPoint,
} from '@prodready/plugin-readiness-common';
import type { CallerOptions } from './CallerOptions';

/**
 * Roll-ups (of the organisation and of one team, system or domain), trend
 * and champions over the entities the caller may read.
 * Implemented by {@link AuthorizedInsightsService}.
 *
 * @internal
 */
export interface InsightsService {
  /**
   * Scored entities grouped by owner, system or domain; with
   * `includeChildren`, owner groups also count their child teams' entities
   * (InputError for other groupings).
   */
  rollups(
    groupBy: RollupResponse['groupBy'],
    request: { includeChildren: boolean },
    options: CallerOptions,
  ): Promise<RollupResponse>;

  /** Daily mean score and level counts, of everything or of one owner. */
  trend(
    request: { days: number; owner?: string },
    options: CallerOptions,
  ): Promise<TrendPoint[]>;

  /** The owners with the highest pass rate per check. */
  champions(
    request: { checkId?: string; limit: number },
    options: CallerOptions,
  ): Promise<ChampionsResponse>;

  /**
   * The roll-up of one Group (with the groups below it), System or Domain;
   * NotFoundError when the caller may not read that entity.
   */
  entityRollup(
    entityRef: string,
    options: CallerOptions,
  ): Promise<EntityRollup>;
}
