import type { Entity } from '@backstage/catalog-model';
import type { FactDocument } from '@prodready/plugin-readiness-common';

/**
 * What a fact collector gets besides the entity.
 *
 * @public
 */
export interface FactCollectionContext {
  /** Id of the scoring run, for logs. */
  runId: string;
  /** Aborted when the run is cancelled. */
  signal: AbortSignal;
}

/**
 * Collects every fact namespace of one entity. The scoring service depends
 * on this interface only; the default implementation runs the built-in and
 * module fact providers with timeouts.
 *
 * @public
 */
export interface FactCollector {
  /**
   * Collects the facts of one entity. Providers that fail make their
   * namespaces `unavailable`; the collector itself should not throw.
   */
  collect(
    entity: Entity,
    context: FactCollectionContext,
  ): Promise<FactDocument>;
}
