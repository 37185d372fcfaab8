import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import {
  ATTESTATIONS_NAMESPACE,
  describeError,
  type Attestation,
  type FactNamespace,
} from '@prodready/plugin-readiness-common';
import type { ReadinessFactProvider } from '@prodready/plugin-readiness-node';
import type { AttestationsStore } from './AttestationsStore';

/**
 * Fills the `attestations` namespace with the latest attestation of each
 * attested check of the entity, keyed by check id; the engine decides
 * whether it has expired.
 *
 * @public
 */
export class AttestationFactProvider implements ReadinessFactProvider {
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
    const collectedAt = new Date().toISOString();
    try {
      const data: Record<string, Attestation> = {};
      for (const attestation of await this.store.listLatestAttestations(
        stringifyEntityRef(entity),
      )) {
        data[attestation.checkId] = attestation;
      }
      return {
        [ATTESTATIONS_NAMESPACE]: { status: 'ok', data, collectedAt },
      };
    } catch (error) {
      return {
        [ATTESTATIONS_NAMESPACE]: {
          status: 'unavailable',
          reason: `could not read attestations: ${describeError(error)}`,
          collectedAt,
        },
      };
    }
  }
}
