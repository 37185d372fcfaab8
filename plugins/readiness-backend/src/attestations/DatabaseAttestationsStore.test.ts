import type { Attestation } from '@prodready/plugin-readiness-common';
import { DatabaseReadinessStore } from '../database/DatabaseReadinessStore';
import { createTestDatabases } from '../__testUtils__/createTestDatabases';
import { DatabaseAttestationsStore } from './DatabaseAttestationsStore';

jest.setTimeout(60_000);

const databases = createTestDatabases();

function attestation(
  id: string,
  checkId: string,
  createdAt: string,
  note?: string,
): Attestation {
  return {
    id,
    entityRef: 'component:default/a',
    checkId,
    evidenceUrl: `https://wiki.example.com/${id}`,
    ...(note && { note }),
    author: 'user:default/jane',
    createdAt,
    expiresAt: '2027-01-01T00:00:00.000Z',
  };
}

describe.each(databases.eachSupportedId())(
  'DatabaseAttestationsStore on %p',
  databaseId => {
    it('keeps every attestation as history; the latest per check applies', async () => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({
        directory: DatabaseReadinessStore.migrationsDirectory,
      });
      const store = DatabaseAttestationsStore.fromKnex(knex);
      const first = attestation(
        '1',
        'resilience.dr-drill',
        '2026-01-01T00:00:00.000Z',
      );
      const second = attestation(
        '2',
        'resilience.dr-drill',
        '2026-02-01T00:00:00.000Z',
        'Restored from backup in 14 minutes',
      );
      const review = attestation(
        '3',
        'security.review',
        '2026-01-15T00:00:00.000Z',
      );
      await store.recordAttestation(first);
      await store.recordAttestation(second);
      await store.recordAttestation(review);
      expect(await store.listAttestationHistory('component:default/a')).toEqual(
        [second, review, first],
      );
      expect(await store.listLatestAttestations('component:default/a')).toEqual(
        [second, review],
      );
      expect(await store.listLatestAttestations('component:default/b')).toEqual(
        [],
      );
    });
  },
);
