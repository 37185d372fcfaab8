import type { Attestation } from '@prodready/plugin-readiness-common';

/**
 * Where attestations are kept. Implemented by `DatabaseAttestationsStore`.
 *
 * @public
 */
export interface AttestationsStore {
  /** Records an attestation (earlier ones stay, as history). */
  recordAttestation(attestation: Attestation): Promise<void>;
  /** The latest attestation per check of an entity, newest first. */
  listLatestAttestations(entityRef: string): Promise<Attestation[]>;
  /**
   * The latest attestation per check of each of these entities (one read),
   * by entity ref; entities without attestations are absent.
   */
  listLatestAttestationsOf?(
    entityRefs: string[],
  ): Promise<Map<string, Attestation[]>>;
  /** Every attestation of an entity, newest first (its history). */
  listAttestationHistory(entityRef: string): Promise<Attestation[]>;
  /**
   * Attestations that apply (the latest of their entity and check), expire
   * after `from` and at or before `to`, and whose owner was not yet told.
   */
  listExpiringAttestations(from: Date, to: Date): Promise<Attestation[]>;
  /** Records that the owners were told of these attestations' expiry. */
  markAttestationsNotified(ids: string[], at: Date): Promise<void>;
}
