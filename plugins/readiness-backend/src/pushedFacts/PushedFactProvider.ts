import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import {
  describeError,
  PUSHED_NAMESPACE,
  type FactNamespace,
  type PushedFact,
} from '@prodready/plugin-readiness-common';
import type { ReadinessFactProvider } from '@prodready/plugin-readiness-node';
import {
  answerFromBatch,
  type BatchFactProvider,
} from '../facts/BatchFactProvider';
import type { PushedFactsStore, StoredPushedFact } from './PushedFactsStore';

/**
 * Options of {@link PushedFactProvider.create}.
 *
 * @public
 */
export interface PushedFactProviderOptions {
  store: PushedFactsStore;
  /** The fact keys declared in `readiness.pushedFacts`; others are ignored. */
  keys: ReadonlySet<string>;
  now?: () => Date;
}

/**
 * The pushed fact as the engine reads it: stale when `now` is past its
 * `staleAt`.
 *
 * @internal
 */
export function toPushedFact(fact: StoredPushedFact, now: Date): PushedFact {
  return {
    key: fact.key,
    value: fact.value,
    observedAt: fact.observedAt,
    staleAt: fact.staleAt,
    stale: Date.parse(fact.staleAt) <= now.getTime(),
    pushedBy: fact.pushedBy,
  };
}

/**
 * Fills the `pushed` namespace with the facts pushed for the entity through
 * `POST /facts`, keyed by fact key (see `PushedFact`); each is marked stale
 * once its TTL has passed. `not-configured` when no key is declared.
 *
 * @public
 */
export class PushedFactProvider implements BatchFactProvider {
  /** Creates the provider. */
  static create(options: PushedFactProviderOptions): PushedFactProvider {
    return new PushedFactProvider(options);
  }

  readonly id = 'pushed';
  readonly namespaces = [PUSHED_NAMESPACE];

  private constructor(private readonly options: PushedFactProviderOptions) {}

  async collect(
    entity: Entity,
  ): Promise<Record<string, FactNamespace<unknown>>> {
    const { store, keys } = this.options;
    const collectedAt = (this.options.now?.() ?? new Date()).toISOString();
    if (keys.size === 0) {
      return {
        [PUSHED_NAMESPACE]: {
          status: 'not-configured',
          reason: 'no fact key is declared in readiness.pushedFacts',
          collectedAt,
        },
      };
    }
    try {
      return this.toFacts(
        await store.listPushedFacts(stringifyEntityRef(entity)),
        collectedAt,
      );
    } catch (error) {
      return {
        [PUSHED_NAMESPACE]: {
          status: 'unavailable',
          reason: `could not read pushed facts: ${describeError(error)}`,
          collectedAt,
        },
      };
    }
  }

  /** Reads the pushed facts of these entities in one go. */
  async forEntities(entities: Entity[]): Promise<ReadinessFactProvider> {
    const { store, keys } = this.options;
    if (keys.size === 0 || !store.listPushedFactsOf) {
      return this;
    }
    return answerFromBatch(
      this,
      entities,
      refs => store.listPushedFactsOf!(refs),
      rows =>
        this.toFacts(rows, (this.options.now?.() ?? new Date()).toISOString()),
    );
  }

  /** The namespace of an entity's stored facts of the declared keys. */
  private toFacts(
    stored: StoredPushedFact[],
    collectedAt: string,
  ): Record<string, FactNamespace<unknown>> {
    const now = new Date(collectedAt);
    const data: Record<string, PushedFact> = {};
    for (const fact of stored) {
      if (this.options.keys.has(fact.key)) {
        data[fact.key] = toPushedFact(fact, now);
      }
    }
    return {
      [PUSHED_NAMESPACE]: { status: 'ok', data, collectedAt },
    };
  }
}
