import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import {
  ATTESTATIONS_NAMESPACE,
  describeError,
  type Attestation,
  type FactNamespace,
} from '@prodready/plugin-readiness-common';
import type { ReadinessFactProvider } from '@prodready/plugin-readiness-node';
import {
  answerFromBatch,
  type BatchFactProvider,
} from '../facts/BatchFactProvider';
import type { AttestationsStore } from './AttestationsStore';

/**
 * Fills the `attestations` namespace with the latest attestation of each
 * attested check of the entity, keyed by check id; the engine decides
 * whether it has expired.
 *
 * @public
 */
export class AttestationFactProvider implements BatchFactProvider {
  /** Creates the provider. */
  static create(options: {
    store: AttestationsStore;
  }): AttestationFactProvider {
    return new AttestationFactProvider(options.store);
  }

  readonly id = 'attestations';
  readonly namespaces = [ATTESTATIONS_NAMESPACE];

  private constructor(private readonly store: AttestationsStore) {}

  async collect(
    entity: Entity,
  ): Promise<Record<string, FactNamespace<unknown>>> {
    try {
      return this.toFacts(
        await this.store.listLatestAttestations(stringifyEntityRef(entity)),
      );
    } catch (error) {
      return {
        [ATTESTATIONS_NAMESPACE]: {
          status: 'unavailable',
          reason: `could not read attestations: ${describeError(error)}`,
          collectedAt: new Date().toISOString(),
        },
      };
    }
  }

  /** Reads the attestations of these entities in one go. */
  async forEntities(entities: Entity[]): Promise<ReadinessFactProvider> {
    const { store } = this;
    if (!store.listLatestAttestationsOf) {
      return this;
    }
    return answerFromBatch(
      this,
      entities,
      refs => store.listLatestAttestationsOf!(refs),
      rows => this.toFacts(rows),
    );
  }

  /** The namespace of an entity's latest attestations. */
  private toFacts(
    attestations: Attestation[],
  ): Record<string, FactNamespace<unknown>> {
    const data: Record<string, Attestation> = {};
    for (const attestation of attestations) {
      data[attestation.checkId] = attestation;
    }
    return {
      [ATTESTATIONS_NAMESPACE]: {
        status: 'ok',
        data,
        collectedAt: new Date().toISOString(),
      },
    };
  }
}
