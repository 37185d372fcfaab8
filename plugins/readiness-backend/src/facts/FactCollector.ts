import type { Entity } from '@backstage/catalog-model';
import type { FactDocument } from '@prodready/plugin-readiness-common';

/**
 * Options of one {@link FactCollector.collect} call.
 *
 * @internal
 */
export interface FactCollectOptions {
  /** Id of the scoring run, passed to providers and logs. */
  runId: string;
  /** Aborts every provider of this entity (e.g. the run was cancelled). */
  signal?: AbortSignal;
}

/**
 * Gathers every fact namespace of one entity from the fact providers.
 *
 * @internal
 */
export interface FactCollector {
  /** The namespaces some provider fills. */
  readonly namespaces: ReadonlyArray<string>;
  /**
   * Collects an entity's facts. Never rejects: a provider that throws or
   * overruns its time budget yields `unavailable` namespaces with the reason.
   */
  collect(entity: Entity, options: FactCollectOptions): Promise<FactDocument>;
  /**
   * A collector for these entities that reads what they need at once; the
   * entities are then collected from it one by one.
   */
  forEntities?(
    entities: Entity[],
    options: FactCollectOptions,
  ): Promise<FactCollector>;
}
