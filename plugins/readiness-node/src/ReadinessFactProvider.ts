import type { LoggerService } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type { FactNamespace } from '@prodready/plugin-readiness-common';

/**
 * What a fact provider gets besides the entity.
 *
 * @public
 */
export interface FactProviderContext {
  /** Logger of the scoring run, with the run id and entity ref attached. */
  logger: LoggerService;
  /** Aborted when the run is cancelled or the provider's time budget is spent. */
  signal: AbortSignal;
  /** Id of the scoring run, for logs. */
  runId: string;
}

/**
 * Collects one or more fact namespaces for an entity.
 *
 * A provider must not throw for a single entity's bad data: it returns the
 * namespace with status `unavailable` and a reason instead. Throwing is
 * tolerated (the namespace becomes `unavailable` with the error message) but
 * is logged as a provider error.
 *
 * @public
 */
export interface ReadinessFactProvider {
  /** Unique id, e.g. `prometheus`. */
  readonly id: string;
  /** The namespaces it fills, e.g. `['metrics']`. */
  readonly namespaces: string[];
  /** Collect the namespaces for one entity. */
  collect(
    entity: Entity,
    context: FactProviderContext,
  ): Promise<Record<string, FactNamespace<unknown>>>;
}
