import type { DatabaseService } from '@backstage/backend-plugin-api';
import type { Attestation } from '@prodready/plugin-readiness-common';
import type { Knex } from 'knex';
import { chunk, whereRefIn } from '../database/sql';
import type { AttestationsStore } from './AttestationsStore';

/** Entity refs per read of many entities' attestations. */
const REFS_PER_READ = 1000;

/** A row of `attestations`. */
interface AttestationRow {
  id: string;
  entity_ref: string;
  check_id: string;
  evidence_url: string;
  note: string | null;
  author: string;
  created_at: string;
  expires_at: string;
  notified_at: string | null;
}

function toAttestation(row: AttestationRow): Attestation {
  return {
    id: row.id,
    entityRef: row.entity_ref,
    checkId: row.check_id,
    evidenceUrl: row.evidence_url,
    ...(row.note !== null && { note: row.note }),
    author: row.author,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
  };
}

/**
 * The {@link AttestationsStore} on the plugin's database (table
 * `attestations`, created by the plugin's migrations, which
 * `DatabaseReadinessStore.create` runs).
 *
 * @public
 */
export class DatabaseAttestationsStore implements AttestationsStore {
  /** Creates the store on the plugin's database. */
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseAttestationsStore> {
    return new DatabaseAttestationsStore(await options.database.getClient());
  }

  /** Creates the store on a knex client, for tests and tooling. */
  static fromKnex(db: Knex): DatabaseAttestationsStore {
    return new DatabaseAttestationsStore(db);
  }

  private constructor(private readonly db: Knex) {}

  async recordAttestation(attestation: Attestation): Promise<void> {
    await this.db('attestations').insert({
      id: attestation.id,
      entity_ref: attestation.entityRef,
      check_id: attestation.checkId,
      evidence_url: attestation.evidenceUrl,
      note: attestation.note ?? null,
      author: attestation.author,
      created_at: attestation.createdAt,
      expires_at: attestation.expiresAt,
      notified_at: null,
    });
  }

  async listAttestationHistory(entityRef: string): Promise<Attestation[]> {
    const rows: AttestationRow[] = await this.db('attestations')
      .where('entity_ref', entityRef)
      .orderBy([
        { column: 'created_at', order: 'desc' },
        { column: 'id', order: 'asc' },
      ]);
    return rows.map(toAttestation);
  }

  async listLatestAttestations(entityRef: string): Promise<Attestation[]> {
    const latest = new Map<string, Attestation>();
    for (const attestation of await this.listAttestationHistory(entityRef)) {
      if (!latest.has(attestation.checkId)) {
        latest.set(attestation.checkId, attestation);
      }
    }
    return [...latest.values()];
  }

  async listLatestAttestationsOf(
    entityRefs: string[],
  ): Promise<Map<string, Attestation[]>> {
    const byEntity = new Map<string, Map<string, Attestation>>();
    for (const refs of chunk([...new Set(entityRefs)], REFS_PER_READ)) {
      const rows: AttestationRow[] = await whereRefIn(
        this.db,
        this.db('attestations').select('*'),
        'entity_ref',
        refs,
      ).orderBy([
        { column: 'entity_ref', order: 'asc' },
        { column: 'created_at', order: 'desc' },
        { column: 'id', order: 'asc' },
      ]);
      for (const row of rows) {
        let latest = byEntity.get(row.entity_ref);
        if (!latest) {
          latest = new Map();
          byEntity.set(row.entity_ref, latest);
        }
        if (!latest.has(row.check_id)) {
          latest.set(row.check_id, toAttestation(row));
        }
      }
    }
    return new Map(
      [...byEntity].map(([ref, latest]) => [ref, [...latest.values()]]),
    );
  }

  async listExpiringAttestations(from: Date, to: Date): Promise<Attestation[]> {
    const rows: AttestationRow[] = await this.db('attestations as a')
      .select('a.*')
      .where('a.expires_at', '>', from.toISOString())
      .andWhere('a.expires_at', '<=', to.toISOString())
      .whereNull('a.notified_at')
      // Only the attestation that applies: none newer for the same check.
      .whereNotExists(
        this.db('attestations as b')
          .select('b.id')
          .whereRaw('b.entity_ref = a.entity_ref')
          .andWhereRaw('b.check_id = a.check_id')
          .andWhereRaw('b.created_at > a.created_at'),
      )
      .orderBy('a.expires_at');
    return rows.map(toAttestation);
  }

  async markAttestationsNotified(ids: string[], at: Date): Promise<void> {
    if (ids.length === 0) {
      return;
    }
    await this.db('attestations')
      .whereIn('id', ids)
      .update({ notified_at: at.toISOString() });
  }
}
