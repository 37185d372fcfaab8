import { mockServices } from '@backstage/backend-test-utils';
import type { Attestation } from '@prodready/plugin-readiness-common';
import {
  attestedChecks,
  createCheckPack,
  defaultChecks,
} from '@prodready/plugin-readiness-common';
import { DatabaseAttestationsStore } from '../attestations/DatabaseAttestationsStore';
import { DatabaseReadinessStore } from '../database/DatabaseReadinessStore';
import { createTestDatabases } from '../__testUtils__/createTestDatabases';
import { PackIndex } from '../pack/PackIndex';
import { AttestationExpiryNotifier } from './AttestationExpiryNotifier';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const NOW = new Date('2026-06-01T00:00:00.000Z');

function attestation(
  id: string,
  checkId: string,
  createdAt: string,
  expiresAt: string,
): Attestation {
  return {
    id,
    entityRef: 'component:default/api',
    checkId,
    evidenceUrl: 'https://wiki.example.com/x',
    author: 'user:default/jane',
    createdAt,
    expiresAt,
  };
}

describe.each(databases.eachSupportedId())(
  'AttestationExpiryNotifier on %p',
  databaseId => {
    it('tells the owner once, 30 days ahead, of the attestations that apply', async () => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({
        directory: DatabaseReadinessStore.migrationsDirectory,
      });
      const store = DatabaseAttestationsStore.fromKnex(knex);
      // Expires in 10 days: notified.
      await store.recordAttestation(
        attestation(
          'soon',
          'resilience.dr-drill',
          '2025-12-13T00:00:00.000Z',
          '2026-06-11T00:00:00.000Z',
        ),
      );
      // Expires in 60 days: not yet.
      await store.recordAttestation(
        attestation(
          'later',
          'resilience.load-test',
          '2026-01-31T00:00:00.000Z',
          '2026-07-31T00:00:00.000Z',
        ),
      );
      // Superseded by a newer one for the same check: never.
      await store.recordAttestation(
        attestation(
          'old',
          'security.review',
          '2025-06-20T00:00:00.000Z',
          '2026-06-20T00:00:00.000Z',
        ),
      );
      await store.recordAttestation(
        attestation(
          'new',
          'security.review',
          '2026-05-01T00:00:00.000Z',
          '2027-05-01T00:00:00.000Z',
        ),
      );
      const send = jest.fn(async () => {});
      const notifier = AttestationExpiryNotifier.create({
        notifications: { send },
        store,
        pack: new PackIndex(
          createCheckPack({ checks: [...defaultChecks, ...attestedChecks] }),
        ),
        logger: mockServices.logger.mock(),
        resolveOwner: async () => 'group:default/team-a',
      });

      expect(await notifier.notifyExpiring(NOW)).toBe(1);
      expect(send).toHaveBeenCalledWith({
        recipients: { type: 'entity', entityRef: 'group:default/team-a' },
        payload: expect.objectContaining({
          title: 'Disaster-recovery drill of api expires on 2026-06-11',
          link: '/catalog/default/component/api/readiness',
        }),
      });
      // Once only.
      expect(await notifier.notifyExpiring(NOW)).toBe(0);
      expect(send).toHaveBeenCalledTimes(1);
    });
  },
);
