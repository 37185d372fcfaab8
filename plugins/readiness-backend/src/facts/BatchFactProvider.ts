import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
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

/**
 * A provider answering `entities` from one read of their rows (`read`, by
 * entity ref) and any other entity as `provider` does: the shape of every
 * {@link BatchFactProvider.forEntities}.
 *
 * @internal
 */
export async function answerFromBatch<T>(
  provider: ReadinessFactProvider,
  entities: Entity[],
  read: (refs: string[]) => Promise<Map<string, T[]>>,
  toFacts: (rows: T[]) => Awaited<ReturnType<ReadinessFactProvider['collect']>>,
): Promise<ReadinessFactProvider> {
  const refs = new Set(entities.map(e => stringifyEntityRef(e)));
  const byEntity = await read([...refs]);
  return {
    id: provider.id,
    namespaces: provider.namespaces,
    collect: async (entity, options) => {
      const ref = stringifyEntityRef(entity);
      return refs.has(ref)
        ? toFacts(byEntity.get(ref) ?? [])
        : provider.collect(entity, options);
    },
  };
}
