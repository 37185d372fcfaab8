import type { DatabaseService } from '@backstage/backend-plugin-api';
import type { JsonValue } from '@backstage/types';
import type { Knex } from 'knex';
import { chunk, whereRefIn } from '../database/sql';
import type { PushedFactsStore, StoredPushedFact } from './PushedFactsStore';

/** Entity refs per read of many entities' pushed facts. */
const REFS_PER_READ = 1000;

/** A row of `pushed_facts`. */
interface PushedFactRow {
  entity_ref: string;
  fact_key: string;
  value: string;
  observed_at: string;
  stale_at: string;
  pushed_at: string;
  pushed_by: string;
}

function toRow(fact: StoredPushedFact): PushedFactRow {
  return {
    entity_ref: fact.entityRef,
    fact_key: fact.key,
    value: JSON.stringify(fact.value),
    observed_at: fact.observedAt,
    stale_at: fact.staleAt,
    pushed_at: fact.pushedAt,
    pushed_by: fact.pushedBy,
  };
}

function toFact(row: PushedFactRow): StoredPushedFact {
  return {
    entityRef: row.entity_ref,
    key: row.fact_key,
    value: JSON.parse(row.value) as JsonValue,
    observedAt: row.observed_at,
    staleAt: row.stale_at,
    pushedAt: row.pushed_at,
    pushedBy: row.pushed_by,
  };
}

/**
 * The {@link PushedFactsStore} on the plugin's database (table
 * `pushed_facts`, created by the plugin's migrations, which
 * `DatabaseReadinessStore.create` runs).
 *
 * @public
 */
export class DatabasePushedFactsStore implements PushedFactsStore {
  /** Creates the store on the plugin's database. */
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabasePushedFactsStore> {
    return new DatabasePushedFactsStore(await options.database.getClient());
  }

  /** Creates the store on a knex client, for tests and tooling. */
  static fromKnex(db: Knex): DatabasePushedFactsStore {
    return new DatabasePushedFactsStore(db);
  }

  private constructor(private readonly db: Knex) {}

  async savePushedFacts(
    facts: StoredPushedFact[],
  ): Promise<StoredPushedFact[]> {
    return this.db.transaction(async tx => {
      const kept: StoredPushedFact[] = [];
      for (const fact of facts) {
        const stored: PushedFactRow | undefined = await tx('pushed_facts')
          .where({ entity_ref: fact.entityRef, fact_key: fact.key })
          .first();
        if (!stored) {
          await tx('pushed_facts').insert(toRow(fact));
          kept.push(fact);
        } else if (
          Date.parse(stored.observed_at) <= Date.parse(fact.observedAt)
        ) {
          const { entity_ref, fact_key, ...update } = toRow(fact);
          await tx('pushed_facts')
            .where({ entity_ref, fact_key })
            .update(update);
          kept.push(fact);
        } else {
          kept.push(toFact(stored));
        }
      }
      return kept;
    });
  }

  async listPushedFacts(entityRef: string): Promise<StoredPushedFact[]> {
    const rows: PushedFactRow[] = await this.db('pushed_facts')
      .where('entity_ref', entityRef)
      .orderBy('fact_key');
    return rows.map(toFact);
  }

  async listPushedFactsOf(
    entityRefs: string[],
  ): Promise<Map<string, StoredPushedFact[]>> {
    const byEntity = new Map<string, StoredPushedFact[]>();
    for (const refs of chunk([...new Set(entityRefs)], REFS_PER_READ)) {
      const rows: PushedFactRow[] = await whereRefIn(
        this.db,
        this.db('pushed_facts').select('*'),
        'entity_ref',
        refs,
      ).orderBy(['entity_ref', 'fact_key']);
      for (const row of rows) {
        const facts = byEntity.get(row.entity_ref) ?? [];
        facts.push(toFact(row));
        byEntity.set(row.entity_ref, facts);
      }
    }
    return byEntity;
  }
}
