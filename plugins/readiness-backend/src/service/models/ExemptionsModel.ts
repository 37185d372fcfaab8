import { randomUUID } from 'node:crypto';
import type { LoggerService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import type {
  Exemption,
  ExemptionRequest,
} from '@prodready/plugin-readiness-common';
import type {
  ReadinessStore,
  VisibleEntityRefs,
} from '../../database/ReadinessStore';
import type { ScoringService } from '../../scoring/ScoringService';
import type { PackIndex } from '../../pack/PackIndex';

/**
 * Options of {@link ExemptionsModel}.
 *
 * @public
 */
export interface ExemptionsModelOptions {
  store: ReadinessStore;
  pack: PackIndex;
  scoring: ScoringService;
  logger: LoggerService;
  now?: () => Date;
}

/**
 * Exemptions of entities from checks. Creating or removing one rescores the
 * entity at once; an expired exemption stops applying at the entity's next
 * scoring and is no longer listed.
 *
 * @public
 */
export class ExemptionsModel {
  constructor(private readonly options: ExemptionsModelOptions) {}

  private now(): Date {
    return this.options.now ? this.options.now() : new Date();
  }

  /** Active exemptions, newest first. */
  async list(
    filter: { entityRef?: string; checkId?: string },
    visible: VisibleEntityRefs,
  ): Promise<Exemption[]> {
    return this.options.store.listExemptions({
      ...filter,
      activeAt: this.now(),
      visibleEntityRefs: visible,
    });
  }

  /**
   * Creates an exemption for a visible entity (the caller resolved it) and
   * rescores the entity.
   */
  async create(
    request: ExemptionRequest,
    entity: Entity,
    author: string,
  ): Promise<Exemption> {
    const { store, pack } = this.options;
    pack.requireChecks('checkId', [request.checkId]);
    const reason = request.reason.trim();
    if (!reason) {
      throw new InputError('Invalid reason: it must not be blank');
    }
    const now = this.now();
    let expiresAt: string | undefined;
    if (request.expiresAt) {
      const time = Date.parse(request.expiresAt);
      if (Number.isNaN(time)) {
        throw new InputError(
          `Invalid expiresAt '${request.expiresAt}': not a date-time`,
        );
      }
      if (time <= now.getTime()) {
        throw new InputError(
          `Invalid expiresAt '${request.expiresAt}': it must be in the future`,
        );
      }
      expiresAt = new Date(time).toISOString();
    }
    const exemption: Exemption = {
      id: randomUUID(),
      entityRef: stringifyEntityRef(entity),
      checkId: request.checkId,
      reason,
      author,
      createdAt: now.toISOString(),
      expiresAt,
    };
    await store.createExemption(exemption);
    await this.rescore(entity);
    return exemption;
  }

  /** The exemption with this id; NotFoundError when there is none. */
  async get(id: string): Promise<Exemption> {
    const exemption = await this.options.store.getExemption(id);
    if (!exemption) {
      throw new NotFoundError(`No exemption ${id}`);
    }
    return exemption;
  }

  /** Deletes an exemption and rescores its entity when it is known. */
  async delete(
    exemption: Exemption,
    entity: Entity | undefined,
  ): Promise<void> {
    const deleted = await this.options.store.deleteExemption(exemption.id);
    if (!deleted) {
      throw new NotFoundError(`No exemption ${exemption.id}`);
    }
    if (entity) {
      await this.rescore(entity);
    }
  }

  /** Rescoring is best effort: the exemption applies at the next run anyway. */
  private async rescore(entity: Entity): Promise<void> {
    try {
      await this.options.scoring.scoreEntity(entity);
    } catch (error) {
      this.options.logger.warn(
        `Could not rescore ${stringifyEntityRef(
          entity,
        )} after an exemption change: ${(error as Error).message}`,
      );
    }
  }
}
