import { T0, T1, T2, entity } from '../../__testUtils__/storeFixtures';
import { describeEachDatabase } from '../../__testUtils__/describeEachDatabase';

jest.setTimeout(120_000);

describeEachDatabase(
  'DatabaseReadinessStore: snapshots and removal',
  createStore => {
    describe('snapshots and removal', () => {
      it('keeps change-only snapshots, marks removals, and purges by age', async () => {
        const { knex, store } = await createStore();
        await store.writeScores(
          [entity('a', { score: 10 }), entity('b', { score: 20 })],
          T0,
        );
        await store.writeScores(
          [entity('a', { score: 10 }), entity('b', { score: 30 })],
          T1,
        );
        const since = await store.listSnapshotsSince('2025-03-02', {});
        expect(since).toEqual([
          {
            entityRef: 'component:default/b',
            day: '2025-03-02',
            score: 30,
            level: undefined,
          },
        ]);
        const before = await store.listLatestSnapshotsBefore('2025-03-02', {});
        expect(before.map(s => [s.entityRef, s.score]).sort()).toEqual([
          ['component:default/a', 10],
          ['component:default/b', 20],
        ]);
        const owned = await store.listLatestSnapshotsBefore('2025-03-09', {
          owner: 'group:default/team-a',
          visibleEntityRefs: ['component:default/a'],
        });
        expect(owned).toEqual([
          {
            entityRef: 'component:default/a',
            day: '2025-03-01',
            score: 10,
            level: undefined,
          },
        ]);

        expect(await store.removeEntities(['component:default/b'], T2)).toBe(1);
        expect(await store.getScore('component:default/b')).toBeUndefined();
        expect(await store.listResults('component:default/b')).toEqual([]);
        expect(await store.listScoredEntityRefs()).toEqual([
          'component:default/a',
        ]);
        const removal = await store.listSnapshotsSince('2025-03-05', {
          entityRef: 'component:default/b',
        });
        expect(removal).toEqual([
          {
            entityRef: 'component:default/b',
            day: '2025-03-05',
            score: undefined,
            level: undefined,
          },
        ]);

        // History of a removed entity stays until purged.
        await knex('check_history').insert({
          entity_ref: 'component:default/b',
          check_id: 'x',
          from_state: 'fail',
          to_state: 'pass',
          at: T1.toISOString(),
        });
        expect(await store.listHistory('component:default/b', 5)).toHaveLength(
          1,
        );
        await store.purgeBefore(new Date('2025-03-10T00:00:00.000Z'));
        expect(await store.listHistory('component:default/b', 5)).toHaveLength(
          0,
        );
        const left = await knex('score_snapshots').orderBy([
          'entity_ref',
          'day',
        ]);
        // a keeps its only snapshot (the start of its trend); b's are gone.
        expect(left.map(r => [r.entity_ref, r.day])).toEqual([
          ['component:default/a', '2025-03-01'],
        ]);
      });
    });
  },
);
