import type { Entity } from '@backstage/catalog-model';
import type { EntityScorecardResponse } from '@prodready/plugin-readiness-common';
import { readinessEntityRefreshPermission } from '@prodready/plugin-readiness-common';
import type { ReadinessAuthorizer } from '../../permissions/ReadinessAuthorizer';
import type { ScorecardModel } from '../models/ScorecardModel';
import type { PreparedJson } from '../PreparedJson';
import type { CallerOptions } from './CallerOptions';
import type { ScorecardService } from './ScorecardService';

/**
 * Scores one entity now (the scoring service).
 *
 * @internal
 */
export interface EntityRescorer {
  scoreEntity(entity: Entity): Promise<void>;
}

/**
 * {@link ScorecardService} that shows an entity only when the caller may
 * read it in the catalog (the caller's visible refs, cached per principal
 * for `readiness.cache.ttl`), and limits learn-from exemplars to what the
 * caller may read.
 *
 * @internal
 */
export class AuthorizedScorecardService implements ScorecardService {
  constructor(
    private readonly model: ScorecardModel,
    private readonly authorizer: ReadinessAuthorizer,
    private readonly scoring: EntityRescorer,
  ) {}

  async getScorecard(
    entityRef: string,
    { credentials }: CallerOptions,
  ): Promise<EntityScorecardResponse> {
    // Decided on the caller's cached visibility (no catalog call per page
    // view): a hidden entity is a 404, as if it did not exist.
    const visible = await this.authorizer.assertVisible(credentials, entityRef);
    return this.model.getScorecard(entityRef, visible);
  }

  async getScorecardJson(
    entityRef: string,
    { credentials }: CallerOptions,
  ): Promise<PreparedJson> {
    // The same check as getScorecard, at every request: a kept body is
    // never served to a caller who may not read the entity.
    const visible = await this.authorizer.assertVisible(credentials, entityRef);
    return this.model.getScorecardJson(entityRef, visible);
  }

  async refresh(
    entityRef: string,
    { credentials }: CallerOptions,
  ): Promise<EntityScorecardResponse> {
    await this.authorizer.authorize(
      credentials,
      readinessEntityRefreshPermission,
    );
    const entity = await this.authorizer.getVisibleEntity(
      credentials,
      entityRef,
    );
    await this.scoring.scoreEntity(entity);
    const visible = await this.authorizer.getVisibleEntityRefs(credentials);
    return this.model.getScorecard(entityRef, visible);
  }
}
