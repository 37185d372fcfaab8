import { randomUUID } from 'node:crypto';
import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  parseEntityRef,
  stringifyEntityRef,
  type Entity,
} from '@backstage/catalog-model';
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
import { requireScoredKind } from './requireScoredKind';

/**
 * Options of {@link ExemptionsModel}.
 *
 * @internal
 */
export interface ExemptionsModelOptions {
  store: ReadinessStore;
  pack: PackIndex;
  scoring: ScoringService;
  logger: LoggerService;
  /** Kinds that are scored; exemptions are refused for entities of others. */
  kinds?: string[];
  now?: () => Date;
}

/** `YYYY-MM-DD`, optionally followed by a time and a UTC offset (RFC 3339). */
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?([Zz]|[+-](\d{2}):(\d{2}))?)?$/;

/**
 * Reads an expiry: a real calendar date (`2099-02-30` is refused, not read
 * as 2 March) with an optional time of day, in the future. Returns it as an
 * ISO 8601 UTC date-time.
 */
function parseExpiry(value: string, now: Date): string {
  const invalid = (why: string) =>
    new InputError(`Invalid expiresAt '${value}': ${why}`);
  const match = DATE_TIME.exec(value.trim());
  if (!match) {
    throw invalid('not a date-time (YYYY-MM-DD or an ISO 8601 date-time)');
  }
  const [year, month, day, hour, minute, second] = match
    .slice(1, 7)
    .map(part => (part === undefined ? 0 : Number(part)));
  const [offsetHours, offsetMinutes] = match
    .slice(8, 10)
    .map(part => (part === undefined ? 0 : Number(part)));
  if (month < 1 || month > 12) {
    throw invalid(`there is no month ${match[2]}`);
  }
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) {
    throw invalid(
      `${match[1]}-${match[2]} has ${daysInMonth} days, not a day ${match[3]}`,
    );
  }
  if (hour > 23 || minute > 59 || second > 59) {
    throw invalid('not a time of day');
  }
  if (offsetHours > 23 || offsetMinutes > 59) {
    throw invalid('not a UTC offset');
  }
  const time = Date.parse(value.trim());
  if (Number.isNaN(time)) {
    throw invalid('not a date-time');
  }
  if (time <= now.getTime()) {
    throw invalid('it must be in the future');
  }
  return new Date(time).toISOString();
}

/**
 * Exemptions of entities from checks. Creating or removing one rescores the
 * entity at once; an expired exemption stops applying at the entity's next
 * scoring and is no longer listed.
 *
 * @internal
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
   * Creates an exemption for a visible entity (the caller resolved it) of a
   * scored kind and rescores the entity. When the entity already has an
   * active exemption from the check, that one is updated instead (same id):
   * one active exemption per entity and check.
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
    requireScoredKind(entity, this.options.kinds);
    const now = this.now();
    const expiresAt = request.expiresAt
      ? parseExpiry(request.expiresAt, now)
      : undefined;
    const exemption: Exemption = {
      id: randomUUID(),
      entityRef: stringifyEntityRef(entity),
      checkId: request.checkId,
      reason,
      author,
      createdAt: now.toISOString(),
      expiresAt,
    };
    const saved = await store.saveExemption(exemption, now);
    await this.rescore(entity);
    return saved.exemption;
  }

  /**
   * The active exemption of an entity from a check, if any: creating another
   * one updates it. Undefined for a malformed ref.
   */
  async findActive(
    entityRef: string,
    checkId: string,
  ): Promise<Exemption | undefined> {
    let ref: string;
    try {
      ref = stringifyEntityRef(parseEntityRef(entityRef));
    } catch {
      return undefined;
    }
    const [active] = await this.options.store.listExemptions({
      entityRef: ref,
      checkId,
      activeAt: this.now(),
    });
    return active;
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
