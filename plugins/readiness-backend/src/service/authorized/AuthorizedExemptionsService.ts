import type { AuthService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import type {
  Exemption,
  ExemptionRequest,
} from '@prodready/plugin-readiness-common';
import { readinessExemptionManagePermission } from '@prodready/plugin-readiness-common';
import { describeCaller } from '../../lib/describeCaller';
import type { ReadinessAuthorizer } from '../../permissions/ReadinessAuthorizer';
import type { ExemptionsModel } from '../models/ExemptionsModel';
import type { CallerOptions } from './CallerOptions';
import type { ExemptionsService } from './ExemptionsService';

/**
 * {@link ExemptionsService} over the entities the caller may read:
 * exemptions of hidden entities are neither listed nor deletable (they look
 * missing), and writes need `readiness.exemption.manage`.
 *
 * @internal
 */
export class AuthorizedExemptionsService implements ExemptionsService {
  constructor(
    private readonly model: ExemptionsModel,
    private readonly authorizer: ReadinessAuthorizer,
    private readonly auth: AuthService,
  ) {}

  async list(
    filter: { entityRef?: string; checkId?: string; includeExpired?: boolean },
    { credentials }: CallerOptions,
  ): Promise<Exemption[]> {
    const visible = await this.authorizer.getVisibleEntityRefs(credentials);
    return this.model.list(filter, visible);
  }

  async findActive(
    entityRef: string,
    checkId: string,
    { credentials }: CallerOptions,
  ): Promise<Exemption | undefined> {
    const active = await this.model.findActive(entityRef, checkId);
    const visible = active
      ? await this.authorizer.getVisibleEntityRefs(credentials)
      : undefined;
    return active && (!visible || visible.includes(active.entityRef))
      ? active
      : undefined;
  }

  async create(
    request: ExemptionRequest,
    { credentials }: CallerOptions,
  ): Promise<Exemption> {
    await this.authorizer.authorize(
      credentials,
      readinessExemptionManagePermission,
    );
    const entity = await this.authorizer.getVisibleEntity(
      credentials,
      request.entityRef,
    );
    return this.model.create(
      request,
      entity,
      describeCaller(this.auth, credentials),
    );
  }

  async delete(id: string, { credentials }: CallerOptions): Promise<void> {
    await this.authorizer.authorize(
      credentials,
      readinessExemptionManagePermission,
    );
    const exemption = await this.model.get(id);
    const visible = await this.authorizer.getVisibleEntityRefs(credentials);
    if (visible && !visible.includes(exemption.entityRef)) {
      throw new NotFoundError(`No exemption ${id}`);
    }
    // The entity may have left the catalog since; the exemption still goes.
    const entity = await this.authorizer
      .getVisibleEntity(credentials, exemption.entityRef)
      .catch(() => undefined);
    await this.model.delete(exemption, entity);
  }
}
