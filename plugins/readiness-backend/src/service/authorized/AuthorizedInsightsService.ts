import type {
  ChampionsResponse,
  EntityRollup,
  RollupResponse,
  TrendPoint,
} from '@prodready/plugin-readiness-common';
import { InputError } from '@backstage/errors';
import type { ReadinessAuthorizer } from '../../permissions/ReadinessAuthorizer';
import type { EntityRollupModel } from '../../rollups/EntityRollupModel';
import type { RollupScopeResolver } from '../../rollups/RollupScopeResolver';
import type { InsightsModel } from '../models/InsightsModel';
import type { CallerOptions } from './CallerOptions';
import type { InsightsService } from './InsightsService';

/**
 * {@link InsightsService} over the entities the caller may read in the
 * catalog.
 *
 * @internal
 */
export class AuthorizedInsightsService implements InsightsService {
  constructor(
    private readonly model: InsightsModel,
    private readonly authorizer: ReadinessAuthorizer,
    private readonly entityRollups: {
      scopes: RollupScopeResolver;
      model: EntityRollupModel;
    },
  ) {}

  async rollups(
    groupBy: RollupResponse['groupBy'],
    request: { includeChildren: boolean },
    { credentials }: CallerOptions,
  ): Promise<RollupResponse> {
    if (request.includeChildren && groupBy !== 'owner') {
      throw new InputError(
        `Invalid includeChildren 'true' with groupBy '${groupBy}': child teams are counted only in roll-ups by owner`,
      );
    }
    const visible = await this.authorizer.getVisibleEntityRefs(credentials);
    if (!request.includeChildren) {
      return this.model.rollups(groupBy, visible);
    }
    // The group tree as the caller may read it: hidden groups add nothing.
    const ancestors = await this.entityRollups.scopes.ancestors(credentials);
    return this.model.rollups(groupBy, visible, { ancestors });
  }

  async trend(
    request: { days: number; owner?: string },
    { credentials }: CallerOptions,
  ): Promise<TrendPoint[]> {
    const visible = await this.authorizer.getVisibleEntityRefs(credentials);
    return this.model.trend(request, visible);
  }

  async champions(
    request: { checkId?: string; limit: number },
    { credentials }: CallerOptions,
  ): Promise<ChampionsResponse> {
    const visible = await this.authorizer.getVisibleEntityRefs(credentials);
    return this.model.champions(request, visible);
  }

  async entityRollup(
    entityRef: string,
    { credentials }: CallerOptions,
  ): Promise<EntityRollup> {
    // Groups and domains are often not scored kinds, so their visibility is
    // asked of the catalog, with the caller's credentials.
    const entity = await this.authorizer.getVisibleEntity(
      credentials,
      entityRef,
    );
    const scope = await this.entityRollups.scopes.resolve(entity, credentials);
    const visible = await this.authorizer.getVisibleEntityRefs(credentials);
    return this.entityRollups.model.rollup(entityRef, scope, visible);
  }
}
