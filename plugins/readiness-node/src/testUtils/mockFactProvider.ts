import type { Entity } from '@backstage/catalog-model';
import type { FactNamespace } from '@prodready/plugin-readiness-common';
import type {
  FactProviderContext,
  ReadinessFactProvider,
} from '../ReadinessFactProvider';

/**
 * Options of {@link mockFactProvider}.
 *
 * @public
 */
export interface MockFactProviderOptions {
  /** Default `mock`. */
  id?: string;
  /**
   * What `collect` returns: fixed namespaces, or a function of the entity.
   * The provider's `namespaces` are the keys of a fixed value, or `declares`.
   */
  facts:
    | Record<string, FactNamespace<unknown>>
    | ((
        entity: Entity,
      ) =>
        | Record<string, FactNamespace<unknown>>
        | Promise<Record<string, FactNamespace<unknown>>>);
  /** Namespaces declared when `facts` is a function. */
  declares?: string[];
  /** Waits this long before answering (honours the abort signal). */
  delayMs?: number;
}

/**
 * A `ReadinessFactProvider` for tests of the collector and of modules:
 * answers fixed facts (or a function's), optionally after a delay, and
 * records the entities it was asked about in `calls`. A function that throws
 * makes `collect` reject, like a failing provider.
 *
 * @public
 */
export function mockFactProvider(
  options: MockFactProviderOptions,
): ReadinessFactProvider & { calls: Entity[] } {
  const calls: Entity[] = [];
  const { facts } = options;
  return {
    id: options.id ?? 'mock',
    namespaces:
      typeof facts === 'function' ? options.declares ?? [] : Object.keys(facts),
    calls,
    async collect(entity: Entity, context: FactProviderContext) {
      calls.push(entity);
      if (options.delayMs) {
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(resolve, options.delayMs);
          context.signal.addEventListener(
            'abort',
            () => {
              clearTimeout(timer);
              reject(new Error('aborted'));
            },
            { once: true },
          );
        });
      }
      return typeof facts === 'function' ? facts(entity) : facts;
    },
  };
}
