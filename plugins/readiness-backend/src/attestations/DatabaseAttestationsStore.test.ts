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

    it('reads the latest attestations of many entities at once, as one by one', async () => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({
        directory: DatabaseReadinessStore.migrationsDirectory,
      });
      const store = DatabaseAttestationsStore.fromKnex(knex);
      const refs = Array.from(
        { length: 120 },
        (_, i) => `component:default/c${String(i).padStart(3, '0')}`,
      );
      for (const [i, ref] of refs.entries()) {
        if (i % 3 === 0) {
          continue;
        }
        await store.recordAttestation({
          ...attestation(
            `${i}-a`,
            'resilience.dr-drill',
            '2026-01-01T00:00:00.000Z',
          ),
          entityRef: ref,
        });
        await store.recordAttestation({
          ...attestation(
            `${i}-b`,
            'resilience.dr-drill',
            '2026-02-01T00:00:00.000Z',
          ),
          entityRef: ref,
        });
        if (i % 2 === 0) {
          await store.recordAttestation({
            ...attestation(
              `${i}-c`,
              'security.review',
              '2026-01-15T00:00:00.000Z',
            ),
            entityRef: ref,
          });
        }
      }
      // More refs than a statement inlines, one that has none, one twice.
      const asked = [...refs, 'component:default/none', refs[1]];
      const batch = await store.listLatestAttestationsOf(asked);
      for (const ref of [...refs, 'component:default/none']) {
        const one = await store.listLatestAttestations(ref);
        expect(batch.get(ref) ?? []).toEqual(one);
      }
      expect(batch.has(refs[0])).toBe(false);
      expect(batch.get(refs[2])?.map(a => a.id)).toEqual(['2-b', '2-c']);
      expect(await store.listLatestAttestationsOf([])).toEqual(new Map());
    });
  },
);
