import { randomUUID } from 'node:crypto';
import type { LoggerService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  DEFAULT_ATTESTATION_DAYS,
  isSafeUrl,
  type Attestation,
  type AttestationRequest,
} from '@prodready/plugin-readiness-common';
import type { AttestationsStore } from '../../attestations/AttestationsStore';
import type { PackIndex } from '../../pack/PackIndex';
import type { ScoringService } from '../../scoring/ScoringService';

/**
 * Options of {@link AttestationsModel}.
 *
 * @public
 */
export interface AttestationsModelOptions {
  store: AttestationsStore;
  pack: PackIndex;
  scoring: ScoringService;
  logger: LoggerService;
  now?: () => Date;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Attestations of attested checks: recorded with an http(s) evidence link,
 * valid for the check's `attested.expiresAfterDays`; recording one rescores
 * the entity at once. Every attestation is kept as history.
 *
 * @public
 */
export class AttestationsModel {
  constructor(private readonly options: AttestationsModelOptions) {}

  /** Records an attestation by `author` for a visible entity and rescores it. */
  async record(
    request: AttestationRequest,
    entity: Entity,
    author: string,
  ): Promise<Attestation> {
    const check = this.options.pack.pack.checks.find(
      c => c.id === request.checkId,
    );
    if (!check?.attested) {
      const attested = this.options.pack.pack.checks
        .filter(c => c.attested)
        .map(c => c.id);
      throw new InputError(
        `Invalid checkId '${
          request.checkId
        }': not an attested check (attested checks: ${
          attested.join(', ') || 'none enabled'
        })`,
      );
    }
    const evidenceUrl = request.evidenceUrl.trim();
    if (!/^https?:\/\//i.test(evidenceUrl) || !isSafeUrl(evidenceUrl)) {
      throw new InputError(
        `Invalid evidenceUrl '${request.evidenceUrl}': expected an http(s) link to the evidence`,
      );
    }
    const note = request.note?.trim();
    const now = this.options.now?.() ?? new Date();
    const days = check.attested.expiresAfterDays ?? DEFAULT_ATTESTATION_DAYS;
    const attestation: Attestation = {
      id: randomUUID(),
      entityRef: stringifyEntityRef(entity),
      checkId: check.id,
      evidenceUrl,
      ...(note && { note }),
      author,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + days * DAY_MS).toISOString(),
    };
    await this.options.store.recordAttestation(attestation);
    try {
      await this.options.scoring.scoreEntity(entity);
    } catch (error) {
      this.options.logger.warn(
        `Could not rescore ${attestation.entityRef} after an attestation: ${
          (error as Error).message
        }`,
      );
    }
    return attestation;
  }

  /** Every attestation of an entity, newest first. */
  async list(entity: Entity): Promise<Attestation[]> {
    return this.options.store.listAttestationHistory(
      stringifyEntityRef(entity),
    );
  }
}
