import { DatabaseReadinessStore } from '../database/DatabaseReadinessStore';
import { createTestDatabases } from '../__testUtils__/createTestDatabases';
import { DatabasePushedFactsStore } from './DatabasePushedFactsStore';
import type { StoredPushedFact } from './PushedFactsStore';

jest.setTimeout(60_000);

const databases = createTestDatabases();

function fact(overrides: Partial<StoredPushedFact> = {}): StoredPushedFact {
  return {
    entityRef: 'component:default/a',
    key: 'coverage',
    value: 80,
    observedAt: '2026-01-02T00:00:00.000Z',
    staleAt: '2026-01-09T00:00:00.000Z',
    pushedAt: '2026-01-02T00:00:05.000Z',
    pushedBy: 'service:ci',
    ...overrides,
  };
}

describe.each(databases.eachSupportedId())(
  'DatabasePushedFactsStore on %p',
  databaseId => {
    async function createStore() {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({
        directory: DatabaseReadinessStore.migrationsDirectory,
      });
      return DatabasePushedFactsStore.fromKnex(knex);
    }

    it('keeps the latest value per entity and key, JSON values intact', async () => {
      const store = await createStore();
      const report = { p99Ms: 180, tool: 'k6', passed: true, tags: ['a'] };
      await store.savePushedFacts([
        fact(),
        fact({ key: 'loadTest', value: report }),
        fact({ entityRef: 'component:default/b', value: 50 }),
      ]);
      const saved = await store.savePushedFacts([
        fact({
          value: 91,
          observedAt: '2026-01-03T00:00:00.000Z',
          staleAt: '2026-01-10T00:00:00.000Z',
          pushedBy: 'user:default/jane',
        }),
      ]);
      expect(saved).toEqual([
        expect.objectContaining({ value: 91, pushedBy: 'user:default/jane' }),
      ]);
      const listed = await store.listPushedFacts('component:default/a');
      expect(listed.map(f => [f.key, f.value, f.observedAt])).toEqual([
        ['coverage', 91, '2026-01-03T00:00:00.000Z'],
        ['loadTest', report, '2026-01-02T00:00:00.000Z'],
      ]);
      expect(
        (await store.listPushedFacts('component:default/b'))[0].value,
      ).toBe(50);
      expect(await store.listPushedFacts('component:default/none')).toEqual([]);
    });

    it('reads the facts of many entities at once, as one by one', async () => {
      const store = await createStore();
      const refs = Array.from(
        { length: 120 },
        (_, i) => `component:default/c${String(i).padStart(3, '0')}`,
      );
      await store.savePushedFacts(
        refs.flatMap((ref, i) =>
          i % 3 === 0
            ? []
            : [
                fact({ entityRef: ref, value: i }),
                ...(i % 2 === 0
                  ? [fact({ entityRef: ref, key: 'loadTest', value: { i } })]
                  : []),
              ],
        ),
      );
      const batch = await store.listPushedFactsOf([
        ...refs,
        'component:default/none',
        refs[1],
      ]);
      for (const ref of [...refs, 'component:default/none']) {
        expect(batch.get(ref) ?? []).toEqual(await store.listPushedFacts(ref));
      }
      expect(batch.has(refs[0])).toBe(false);
      expect(batch.get(refs[2])?.map(f => [f.key, f.value])).toEqual([
        ['coverage', 2],
        ['loadTest', { i: 2 }],
      ]);
      expect(await store.listPushedFactsOf([])).toEqual(new Map());
    });

    it('ignores a value observed before the stored one (a late CI job)', async () => {
      const store = await createStore();
      await store.savePushedFacts([
        fact({ value: 90, observedAt: '2026-01-05T00:00:00.000Z' }),
      ]);
      const saved = await store.savePushedFacts([
        fact({ value: 10, observedAt: '2026-01-04T00:00:00.000Z' }),
      ]);
      expect(saved[0]).toMatchObject({
        value: 90,
        observedAt: '2026-01-05T00:00:00.000Z',
      });
      expect(
        (await store.listPushedFacts('component:default/a'))[0].value,
      ).toBe(90);
    });
  },
);
