import { mockServices } from '@backstage/backend-test-utils';
import type { Exemption } from '@prodready/plugin-readiness-common';
import { DatabaseReadinessStore } from '../DatabaseReadinessStore';
import { createTestDatabases } from '../../__testUtils__/createTestDatabases';
import { T0, T1, T2, entity, result } from '../../__testUtils__/storeFixtures';

jest.setTimeout(120_000);

const databases = createTestDatabases();

const A = 'component:default/a';

function exemption(extra: Partial<Exemption> = {}): Exemption {
  return {
    id: 'e1',
    entityRef: A,
    checkId: 'tracing.instrumented',
    reason: 'migrating',
    author: 'user:default/jane',
    createdAt: T0.toISOString(),
    ...extra,
  };
}

describe.each(databases.eachSupportedId())(
  'DatabaseReadinessStore: scorecard documents on %p',
  databaseId => {
    async function createStore() {
      const knex = await databases.init(databaseId);
      const store = await DatabaseReadinessStore.create({
        database: mockServices.database({ knex }),
      });
      return { knex, store };
    }

    /** What the document must equal: the store's reads one by one. */
    async function readOneByOne(store: DatabaseReadinessStore, ref: string) {
      const [score, results, history, before, since] = await Promise.all([
        store.getScore(ref),
        store.listResults(ref),
        store.listHistory(ref, 100),
        store.listLatestSnapshotsBefore('9999-12-31', { entityRef: ref }),
        store.listSnapshotsSince('0000-01-01', { entityRef: ref }),
      ]);
      return { score, results, history, snapshots: since, latest: before };
    }

    it('is written with the scores and equals the reads it replaces', async () => {
      const { store } = await createStore();
      expect(await store.getScorecardDocument(A)).toBeUndefined();

      await store.writeScores(
        [
          entity('a', {
            score: 50,
            system: 'system:default/s',
            traits: ['tag:java'],
            results: [
              result('ownership.owner', 'pass', {
                evidence: [{ kind: 'field', label: 'owner', value: 'team-a' }],
              }),
              result('tracing.instrumented', 'fail'),
            ],
          }),
          entity('b', { score: 70 }),
        ],
        T0,
      );
      await store.writeScores(
        [
          entity('a', {
            score: 100,
            results: [
              result('ownership.owner', 'pass'),
              result('tracing.instrumented', 'pass'),
            ],
          }),
        ],
        T1,
      );

      const document = await store.getScorecardDocument(A);
      const expected = await readOneByOne(store, A);
      expect(document).toEqual({
        score: expected.score,
        results: expected.results,
        history: expected.history,
        snapshots: expected.snapshots,
      });
      expect(document!.score.score).toBe(100);
      // A first score is no change; the second one is.
      expect(document!.history.map(h => [h.checkId, h.from, h.to])).toEqual([
        ['tracing.instrumented', 'fail', 'pass'],
      ]);
      expect(document!.snapshots.map(s => [s.day, s.score])).toEqual([
        ['2025-03-01', 50],
        ['2025-03-02', 100],
      ]);
      // The other entity's document is its own.
      expect(
        (await store.getScorecardDocument('component:default/b'))!.score.score,
      ).toBe(70);
    });

    it('keeps the newest 100 history events', async () => {
      const { store } = await createStore();
      const checks = Array.from({ length: 60 }, (_, i) => `c.${i}`);
      await store.writeScores(
        [entity('a', { results: checks.map(c => result(c, 'fail')) })],
        T0,
      );
      await store.writeScores(
        [entity('a', { results: checks.map(c => result(c, 'pass')) })],
        T1,
      );
      await store.writeScores(
        [entity('a', { results: checks.map(c => result(c, 'fail')) })],
        T2,
      );
      const document = await store.getScorecardDocument(A);
      expect(document!.history).toEqual(await store.listHistory(A, 100));
      expect(document!.history).toHaveLength(100);
      expect(document!.history[0].at).toBe(T2.toISOString());
      expect(document!.history[99].at).toBe(T1.toISOString());
    });

    it('shows the latest evaluation time after a rescore that changed nothing', async () => {
      const { store } = await createStore();
      await store.writeScores([entity('a')], T0);
      const stats = await store.writeScores([entity('a')], T1);
      expect(stats.scoresWritten).toBe(0);
      const document = await store.getScorecardDocument(A);
      expect(document!.score.evaluatedAt).toBe(T1.toISOString());
      expect(document!.score).toEqual(await store.getScore(A));
    });

    it('is built for entities scored before documents existed, by their next write', async () => {
      const { knex, store } = await createStore();
      await store.writeScores([entity('a'), entity('b')], T0);
      await knex('entity_scorecards').delete();
      expect(await store.getScorecardDocument(A)).toBeUndefined();

      const stats = await store.writeScores([entity('a'), entity('b')], T1);
      expect(stats).toMatchObject({ scoresWritten: 0, historyWritten: 0 });
      const document = await store.getScorecardDocument(A);
      expect(document).toEqual({
        score: await store.getScore(A),
        results: await store.listResults(A),
        history: await store.listHistory(A, 100),
        snapshots: await store.listSnapshotsSince('0000-01-01', {
          entityRef: A,
        }),
      });
    });

    it('follows exemptions: their details when edited, their removal', async () => {
      const { store } = await createStore();
      await store.saveExemption(exemption(), T0);
      const exempted = [
        result('ownership.owner', 'pass'),
        result('tracing.instrumented', 'exempt', { exemption: exemption() }),
      ];
      await store.writeScores([entity('a', { results: exempted })], T0);
      const shown = async () =>
        (await store.getScorecardDocument(A))!.results.find(
          r => r.checkId === 'tracing.instrumented',
        )!.exemption;
      expect(await shown()).toEqual({ ...exemption(), expiresAt: undefined });

      await store.saveExemption(
        exemption({ id: 'e2', reason: 'still migrating' }),
        T1,
      );
      expect(await shown()).toMatchObject({
        id: 'e1',
        reason: 'still migrating',
      });
      expect((await store.getScorecardDocument(A))!.results).toEqual(
        await store.listResults(A),
      );

      expect(await store.deleteExemption('e1')).toBe(true);
      expect(await shown()).toBeUndefined();
      expect(await store.deleteExemption('e1')).toBe(false);
    });

    it('is removed with the entity', async () => {
      const { knex, store } = await createStore();
      await store.writeScores([entity('a'), entity('b')], T0);
      await store.removeEntities([A], T2);
      expect(await store.getScorecardDocument(A)).toBeUndefined();
      expect(await knex('entity_scorecards').pluck('entity_ref')).toEqual([
        'component:default/b',
      ]);
    });

    it('has a version that moves with its own writes, exemptions and the store counters, and not with reads', async () => {
      const { store } = await createStore();
      expect(await store.getScorecardVersion(A)).toBeUndefined();
      await store.writeScores(
        [
          entity('a', { results: [result('tracing.instrumented', 'fail')] }),
          entity('b', { results: [result('tracing.instrumented', 'pass')] }),
        ],
        T0,
      );
      const first = await store.getScorecardVersion(A);
      expect(first).toEqual({
        builtAt: expect.any(String),
        evaluatedAt: T0.toISOString(),
        resultsVersion: expect.any(Number),
        scoresVersion: expect.any(Number),
      });
      expect(await store.getScorecardVersion(A)).toEqual(first);

      // Another entity's change: the store counters move, A's document not.
      await store.writeScores(
        [entity('b', { results: [result('tracing.instrumented', 'fail')] })],
        T1,
      );
      const second = (await store.getScorecardVersion(A))!;
      expect(second.builtAt).toBe(first!.builtAt);
      expect(second.resultsVersion).toBeGreaterThan(first!.resultsVersion);
      expect(second.scoresVersion).toBeGreaterThan(first!.scoresVersion);

      // A new exemption moves the scores counter (cached aggregates of every
      // replica key on it) but not A's document, which changes at the next
      // rescore; an edited one changes the document at once.
      await store.saveExemption(exemption(), T2);
      const added = (await store.getScorecardVersion(A))!;
      expect(added.builtAt).toBe(second.builtAt);
      expect(added.scoresVersion).toBeGreaterThan(second.scoresVersion);
      await store.saveExemption(exemption({ reason: 'still migrating' }), T2);
      const third = (await store.getScorecardVersion(A))!;
      expect(third.builtAt).not.toBe(second.builtAt);
      expect(third.scoresVersion).toBeGreaterThan(added.scoresVersion);
      expect(await store.deleteExemption('e1')).toBe(true);
      const fourth = (await store.getScorecardVersion(A))!;
      expect(fourth.scoresVersion).toBeGreaterThan(third.scoresVersion);
    });
  },
);
