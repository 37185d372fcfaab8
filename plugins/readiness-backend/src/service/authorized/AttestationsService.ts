import type {
  Attestation,
  AttestationRequest,
} from '@prodready/plugin-readiness-common';
import type { CallerOptions } from './CallerOptions';

/**
 * Attestations of entities the caller may read. Recording one needs
 * membership of the entity's owning group or
 * `readiness.attestation.manage`. Implemented by
 * {@link AuthorizedAttestationsService}.
 *
 * @internal
 */
export interface AttestationsService {
  /** Every attestation of the entity, newest first. */
  list(entityRef: string, options: CallerOptions): Promise<Attestation[]>;
  /** Records an attestation by the caller and rescores the entity. */
  record(
    request: AttestationRequest,
    options: CallerOptions,
  ): Promise<Attestation>;
}
