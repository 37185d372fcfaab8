import type {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import {
  parseEntityRef,
  RELATION_MEMBER_OF,
  stringifyEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import { NotAllowedError } from '@backstage/errors';
import {
  readinessAttestationManagePermission,
  type Attestation,
  type AttestationRequest,
} from '@prodready/plugin-readiness-common';
import { describeCaller } from '../../lib/describeCaller';
import type { ReadinessAuthorizer } from '../../permissions/ReadinessAuthorizer';
import type { AttestationsModel } from '../models/AttestationsModel';
import type { AttestationsService } from './AttestationsService';
import type { CallerOptions } from './CallerOptions';

/** The full ref of the entity's owner, or undefined. */
function ownerRef(entity: Entity): string | undefined {
  const owner = entity.spec?.owner;
  if (typeof owner !== 'string' || !owner) {
    return undefined;
  }
  try {
    return stringifyEntityRef(
      parseEntityRef(owner, {
        defaultKind: 'group',
        defaultNamespace: entity.metadata.namespace ?? 'default',
      }),
    );
  } catch {
    return undefined;
  }
}

/**
 * {@link AttestationsService} over the entities the caller may read: a user
 * may attest entities owned by a group they are a member of (checked
 * through their User entity's `memberOf` relations in the catalog, or its
 * `spec.memberOf` before the catalog has processed it) or by
 * themselves; anyone else needs `readiness.attestation.manage`.
 *
 * @internal
 */
export class AuthorizedAttestationsService implements AttestationsService {
  constructor(
    private readonly model: AttestationsModel,
    private readonly authorizer: ReadinessAuthorizer,
    private readonly auth: AuthService,
  ) {}

  async list(
    entityRef: string,
    { credentials }: CallerOptions,
  ): Promise<Attestation[]> {
    const entity = await this.authorizer.getVisibleEntity(
      credentials,
      entityRef,
    );
    return this.model.list(entity);
  }

  async record(
    request: AttestationRequest,
    { credentials }: CallerOptions,
  ): Promise<Attestation> {
    const entity = await this.authorizer.getVisibleEntity(
      credentials,
      request.entityRef,
    );
    const owner = ownerRef(entity);
    if (!(await this.isOwnerMember(credentials, owner))) {
      try {
        await this.authorizer.authorize(
          credentials,
          readinessAttestationManagePermission,
        );
      } catch (error) {
        if (error instanceof NotAllowedError) {
          throw new NotAllowedError(
            `Only members of ${
              owner ?? 'the owning team'
            } or holders of readiness.attestation.manage may attest ${stringifyEntityRef(
              entity,
            )}`,
          );
        }
        throw error;
      }
    }
    return this.model.record(
      request,
      entity,
      describeCaller(this.auth, credentials),
    );
  }

  private async isOwnerMember(
    credentials: BackstageCredentials,
    owner: string | undefined,
  ): Promise<boolean> {
    if (!owner || !this.auth.isPrincipal(credentials, 'user')) {
      return false;
    }
    const userRef = credentials.principal.userEntityRef;
    if (userRef === owner) {
      return true;
    }
    const user = await this.authorizer
      .getVisibleEntity(credentials, userRef)
      .catch(() => undefined);
    if (!user) {
      return false;
    }
    if (
      user.relations?.some(
        relation =>
          relation.type === RELATION_MEMBER_OF && relation.targetRef === owner,
      )
    ) {
      return true;
    }
    // Before the catalog has processed the user, its spec says the same.
    const memberOf = user.spec?.memberOf;
    return (
      Array.isArray(memberOf) &&
      memberOf.some(group => {
        try {
          return (
            typeof group === 'string' &&
            stringifyEntityRef(
              parseEntityRef(group, {
                defaultKind: 'group',
                defaultNamespace: user.metadata.namespace ?? 'default',
              }),
            ) === owner
          );
        } catch {
          return false;
        }
      })
    );
  }
}
