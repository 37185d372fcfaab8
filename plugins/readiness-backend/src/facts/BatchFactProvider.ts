import type { Entity } from '@backstage/catalog-model';
import type { ReadinessFactProvider } from '@prodready/plugin-readiness-node';

/**
 * A fact provider that can read what it needs for many entities at once
 * (one query per table for a page of entities, instead of one per entity).
 *
 * @internal
 */
export interface BatchFactProvider extends ReadinessFactProvider {
  /**
   * Reads now what `collect` needs for these entities and returns a provider
   * that answers them from those reads (and any other entity as this one
   * does). Rejects when the reads fail: the caller then keeps this provider.
   */
  forEntities(entities: Entity[]): Promise<ReadinessFactProvider>;
}

/** Whether the provider can read for many entities at once. */
export function isBatchFactProvider(
  provider: ReadinessFactProvider,
): provider is BatchFactProvider {
  return (
    typeof (provider as Partial<BatchFactProvider>).forEntities === 'function'
  );
}
