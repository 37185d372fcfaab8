import type { JsonValue } from '@backstage/types';

/**
 * A pushed fact as stored: the latest value of one key for one entity.
 *
 * @public
 */
export interface StoredPushedFact {
  entityRef: string;
  key: string;
  value: JsonValue;
  /** ISO timestamp of when the pusher computed it. */
  observedAt: string;
  /** ISO timestamp after which it is stale. */
  staleAt: string;
  /** ISO timestamp of the push. */
  pushedAt: string;
  /** The user or service principal that pushed it. */
  pushedBy: string;
}

/**
 * Where pushed facts are kept. Implemented by `DatabasePushedFactsStore`.
 *
 * @public
 */
export interface PushedFactsStore {
  /**
   * Saves facts, replacing the stored value of each entity and key; a value
   * observed before the stored one is ignored (a CI job that finished late
   * does not overwrite a newer result). Returns the facts kept.
   */
  savePushedFacts(facts: StoredPushedFact[]): Promise<StoredPushedFact[]>;
  /** The pushed facts of an entity, by key. */
  listPushedFacts(entityRef: string): Promise<StoredPushedFact[]>;
  /**
   * The pushed facts of each of these entities (one read), by entity ref;
   * entities without pushed facts are absent.
   */
  listPushedFactsOf?(
    entityRefs: string[],
  ): Promise<Map<string, StoredPushedFact[]>>;
}
