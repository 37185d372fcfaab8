import { mockServices } from '@backstage/backend-test-utils';
import type { Exemption } from '@prodready/plugin-readiness-common';
import { DatabaseReadinessStore } from '../DatabaseReadinessStore';
import { createTestDatabases } from '../../__testUtils__/createTestDatabases';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const T0 = new Date('2025-03-01T10:00:00.000Z');
const T1 = new Date('2025-03-02T10:00:00.000Z');
const T2 = new Date('2025-03-10T10:00:00.000Z');

function exemption(id: string, extra: Partial<Exemption> = {}): Exemption {
  return {
    id,
    entityRef: 'component:default/a',
    checkId: 'runbook.runbook',
    reason: `reason ${id}`,
    author: 'user:default/jane',
    createdAt: T0.toISOString(),
    ...extra,
  };
}

describe.each(databases.eachSupportedId())(
  'saveExemption on %p',
  databaseId => {
    it('keeps one active exemption per entity and check', async () => {
      const knex = await databases.init(databaseId);
      const store = await DatabaseReadinessStore.create({
        database: mockServices.database({ knex }),
      });
      const first = exemption('e1', { expiresAt: '2025-03-05T00:00:00.000Z' });
      expect(await store.saveExemption(first, T0)).toEqual({
        exemption: first,
        updated: false,
      });
      // A second one updates the first: same id and creation time.
      const second = exemption('e2', {
        reason: 'new reason',
        author: 'user:default/joe',
        createdAt: T1.toISOString(),
      });
      expect(await store.saveExemption(second, T1)).toEqual({
        exemption: { ...second, id: 'e1', createdAt: T0.toISOString() },
        updated: true,
      });
      expect(
        await store.listExemptions({
          entityRef: 'component:default/a',
          activeAt: T1,
        }),
      ).toEqual([
        {
          ...second,
          id: 'e1',
          createdAt: T0.toISOString(),
          expiresAt: undefined,
        },
      ]);
      // Another check is another exemption.
      const other = exemption('e3', { checkId: 'logging.logs' });
      expect((await store.saveExemption(other, T1)).updated).toBe(false);

      // Once the first has expired, a new one is created.
      await store.saveExemption(
        exemption('e1', { expiresAt: '2025-03-05T00:00:00.000Z' }),
        T1,
      );
      const later = exemption('e4', { createdAt: T2.toISOString() });
      expect(await store.saveExemption(later, T2)).toEqual({
        exemption: later,
        updated: false,
      });
    });
  },
);
