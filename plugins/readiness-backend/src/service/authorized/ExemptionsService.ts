import type {
  Exemption,
  ExemptionRequest,
} from '@prodready/plugin-readiness-common';
import type { CallerOptions } from './CallerOptions';

/**
 * Exemptions of entities the caller may read. Creating and deleting need
 * `readiness.exemption.manage`. Implemented by
 * {@link AuthorizedExemptionsService}.
 *
 * @internal
 */
export interface ExemptionsService {
  /** Active exemptions (expired ones too when asked), newest first. */
  list(
    filter: { entityRef?: string; checkId?: string; includeExpired?: boolean },
    options: CallerOptions,
  ): Promise<Exemption[]>;

  /**
   * The active exemption of a visible entity from a check, if any: creating
   * another one updates it.
   */
  findActive(
    entityRef: string,
    checkId: string,
    options: CallerOptions,
  ): Promise<Exemption | undefined>;

  /** Creates an exemption, authored by the caller, and rescores the entity. */
  create(request: ExemptionRequest, options: CallerOptions): Promise<Exemption>;

  /** Deletes an exemption and rescores its entity. */
  delete(id: string, options: CallerOptions): Promise<void>;
}
