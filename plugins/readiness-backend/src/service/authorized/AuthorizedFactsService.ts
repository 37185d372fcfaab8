import type { AuthService } from '@backstage/backend-plugin-api';
import {
  readinessFactsPushPermission,
  type PushedFactsResponse,
  type PushFactsRequest,
} from '@prodready/plugin-readiness-common';
import { describeCaller } from '../../lib/describeCaller';
import type { ReadinessAuthorizer } from '../../permissions/ReadinessAuthorizer';
import type { PushedFactsModel } from '../models/PushedFactsModel';
import type { CallerOptions } from './CallerOptions';
import type { FactsService } from './FactsService';

/**
 * {@link FactsService} over the entities the caller may read: a service
 * principal (a CI job with an external access token) may push; a user needs
 * `readiness.facts.push`. Hidden entities look missing.
 *
 * @internal
 */
export class AuthorizedFactsService implements FactsService {
  constructor(
    private readonly model: PushedFactsModel,
    private readonly authorizer: ReadinessAuthorizer,
    private readonly auth: AuthService,
  ) {}

  async push(
    request: PushFactsRequest,
    { credentials }: CallerOptions,
  ): Promise<PushedFactsResponse> {
    if (!this.auth.isPrincipal(credentials, 'service')) {
      await this.authorizer.authorize(
        credentials,
        readinessFactsPushPermission,
      );
    }
    const entity = await this.authorizer.getVisibleEntity(
      credentials,
      request.entityRef,
    );
    return this.model.push(
      request,
      entity,
      describeCaller(this.auth, credentials),
    );
  }

  async list(
    entityRef: string,
    { credentials }: CallerOptions,
  ): Promise<PushedFactsResponse> {
    const entity = await this.authorizer.getVisibleEntity(
      credentials,
      entityRef,
    );
    return this.model.list(entity);
  }
}
