import type {
  CheckState,
  TeamContact,
} from '@prodready/plugin-readiness-common';
import type { EntityScoreWrite } from '../ReadinessStore';
import { CONSTRAINT_VIOLATION } from '../../__testUtils__/createTestDatabases';
import {
  T0,
  T1,
  T2,
  T3,
  result,
  entity,
} from '../../__testUtils__/storeFixtures';
import { describeEachDatabase } from '../../__testUtils__/describeEachDatabase';

jest.setTimeout(120_000);

const REF = 'component:default/raced';

function scored(state: CheckState): EntityScoreWrite {
  return {
    summary: {
      entityRef: REF,
      kind: 'Component',
      namespace: 'default',
      name: 'raced',
      owner: 'group:default/team-a',
      score: state === 'pass' ? 100 : 0,
      gaps: state === 'fail' ? 2 : 0,
    },
    levelRank: 0,
    blockingCheckIds: [],
    categories: [],
    traits: [],
    results: ['tracing.instrumented', 'logging.findable'].map(checkId => ({
      checkId,
      state,
      reason: `${checkId} is ${state}`,
      evidence: [],
    })),
  };
}

describeEachDatabase('writeScores', createStore => {
  it('writes each change once when one entity is scored twice at the same time', async () => {
    const { store } = await createStore();
    const start = Date.parse('2025-03-01T10:00:00.000Z');
    await store.writeScores([scored('pass')], new Date(start));
    const rounds = 8;
    for (let round = 1; round <= rounds; round++) {
      const state: CheckState = round % 2 ? 'fail' : 'pass';
      // Two scorings of the entity race, a few milliseconds apart.
      await Promise.all(
        [0, 3].map(offset =>
          store.writeScores(
            [scored(state)],
            new Date(start + round * 60_000 + offset),
          ),
        ),
      );
    }
    const history = await store.listHistory(REF, 1000);
    // Two checks changed state in every round: each change once.
    expect(history).toHaveLength(rounds * 2);
    for (const checkId of ['tracing.instrumented', 'logging.findable']) {
      const changes = history
        .filter(h => h.checkId === checkId)
        .reverse()
        .map(h => `${h.from}>${h.to}`);
      expect(changes).toEqual(
        Array.from({ length: rounds }, (_, i) =>
          i % 2 ? 'fail>pass' : 'pass>fail',
        ),
      );
    }
  });
});

describeEachDatabase('DatabaseReadinessStore: writeScores', createStore => {
  describe('writeScores', () => {
    it('writes results, scores and a snapshot for new entities but no history', async () => {
      const { knex, store } = await createStore();
      const stats = await store.writeScores([entity('a'), entity('b')], T0);
      expect(stats).toEqual({
        resultsWritten: 4,
        historyWritten: 0,
        scoresWritten: 2,
        levelChanges: [],
        firstScored: ['component:default/a', 'component:default/b'],
      });
      const [{ n }] = await knex('check_history').count({ n: '*' });
      expect(Number(n)).toBe(0);
      const snapshots = await knex('score_snapshots').orderBy('entity_ref');
      expect(
        snapshots.map(s => [s.entity_ref, s.day, Number(s.score)]),
      ).toEqual([
        ['component:default/a', '2025-03-01', 50],
        ['component:default/b', '2025-03-01', 50],
      ]);
      expect(await store.listScoredEntityRefs()).toEqual(
        expect.arrayContaining(['component:default/a', 'component:default/b']),
      );
    });

    it('writes nothing but the evaluation time when nothing changed', async () => {
      const { knex, store } = await createStore();
      await store.writeScores([entity('a'), entity('b')], T0);
      const stats = await store.writeScores([entity('a'), entity('b')], T1);
      expect(stats).toEqual({
        resultsWritten: 0,
        historyWritten: 0,
        scoresWritten: 0,
        levelChanges: [],
        firstScored: [],
      });
      const score = await store.getScore('component:default/a');
      expect(score?.evaluatedAt).toBe(T1.toISOString());
      const [{ n }] = await knex('score_snapshots').count({ n: '*' });
      expect(Number(n)).toBe(2);
    });

    it('records a history row only when a state changes', async () => {
      const { store } = await createStore();
      await store.writeScores([entity('a')], T0);
      // Evidence changes, state does not: the result row is rewritten, no history.
      const evidenceOnly = entity('a', {
        results: [
          result('ownership.owner', 'pass', {
            evidence: [{ kind: 'field', label: 'spec.owner', value: 'team-a' }],
          }),
          result('tracing.instrumented', 'fail'),
        ],
      });
      // The score row changes too: it holds the digest of the results.
      expect(await store.writeScores([evidenceOnly], T1)).toEqual({
        resultsWritten: 1,
        historyWritten: 0,
        scoresWritten: 1,
        levelChanges: [],
        firstScored: [],
      });
      const fixed = entity('a', {
        score: 100,
        level: 'bronze',
        levelRank: 1,
        results: [
          result('ownership.owner', 'pass', {
            evidence: [{ kind: 'field', label: 'spec.owner', value: 'team-a' }],
          }),
          result('tracing.instrumented', 'pass'),
        ],
      });
      expect(await store.writeScores([fixed], T2)).toEqual({
        resultsWritten: 1,
        historyWritten: 1,
        scoresWritten: 1,
        levelChanges: [
          {
            entityRef: 'component:default/a',
            owner: 'group:default/team-a',
            from: undefined,
            to: 'bronze',
            rose: true,
            failingCheckIds: [],
            title: undefined,
          },
        ],
        firstScored: [],
      });
      expect(await store.listHistory('component:default/a', 10)).toEqual([
        {
          checkId: 'tracing.instrumented',
          from: 'fail',
          to: 'pass',
          at: T2.toISOString(),
        },
      ]);
      const results = await store.listResults('component:default/a');
      expect(
        results.find(r => r.checkId === 'ownership.owner')?.evidence,
      ).toEqual([{ kind: 'field', label: 'spec.owner', value: 'team-a' }]);
      // And back: a drop, with the check it fails again.
      const broken = entity('a', { title: 'A service' });
      expect((await store.writeScores([broken], T3)).levelChanges).toEqual([
        {
          entityRef: 'component:default/a',
          title: 'A service',
          owner: 'group:default/team-a',
          from: 'bronze',
          to: undefined,
          rose: false,
          failingCheckIds: ['tracing.instrumented'],
        },
      ]);
    });

    it('records checks new to an entity scored before and drops checks that left the pack', async () => {
      const { store } = await createStore();
      await store.writeScores([entity('a')], T0);
      const next = entity('a', {
        results: [
          result('ownership.owner', 'pass'),
          result('logging.logs', 'fail'),
        ],
      });
      const stats = await store.writeScores([next], T1);
      expect(stats.historyWritten).toBe(1);
      expect(await store.listHistory('component:default/a', 10)).toEqual([
        {
          checkId: 'logging.logs',
          from: undefined,
          to: 'fail',
          at: T1.toISOString(),
        },
      ]);
      expect(
        (await store.listResults('component:default/a')).map(r => r.checkId),
      ).toEqual(['logging.logs', 'ownership.owner']);
    });

    it('keeps checks that do not apply in the score row and records moves in and out', async () => {
      const { knex, store } = await createStore();
      const notApplicable = result('tracing.instrumented', 'not-applicable', {
        reason: 'Does not apply to libraries',
      });
      await store.writeScores(
        [
          entity('a', {
            results: [result('ownership.owner', 'pass'), notApplicable],
          }),
        ],
        T0,
      );
      const [{ n }] = await knex('check_results').count({ n: '*' });
      expect(Number(n)).toBe(1);
      expect(await store.listResults('component:default/a')).toEqual([
        expect.objectContaining({
          checkId: 'ownership.owner',
          state: 'pass',
        }),
        {
          checkId: 'tracing.instrumented',
          state: 'not-applicable',
          reason: 'Does not apply to libraries',
          evidence: [],
        },
      ]);
      // Now it applies and fails, then stops applying again.
      await store.writeScores([entity('a')], T1);
      await store.writeScores(
        [
          entity('a', {
            results: [result('ownership.owner', 'pass'), notApplicable],
          }),
        ],
        T2,
      );
      expect(await store.listHistory('component:default/a', 5)).toEqual([
        {
          checkId: 'tracing.instrumented',
          from: 'fail',
          to: 'not-applicable',
          at: T2.toISOString(),
        },
        {
          checkId: 'tracing.instrumented',
          from: 'not-applicable',
          to: 'fail',
          at: T1.toISOString(),
        },
      ]);
      expect(
        (await store.listResults('component:default/a')).map(r => r.state),
      ).toEqual(['pass', 'not-applicable']);
    });

    it('writes a batch atomically: a failing write leaves the previous state', async () => {
      const { knex, store } = await createStore();
      await store.writeScores([entity('a'), entity('b')], T0);
      const before = await knex('check_results').orderBy([
        'entity_ref',
        'check_id',
      ]);
      const broken = entity('b', {
        results: [
          { ...result('x', 'fail'), checkId: null as unknown as string },
        ],
      });
      const changed = entity('a', {
        score: 100,
        results: [
          result('ownership.owner', 'pass'),
          result('tracing.instrumented', 'pass'),
        ],
      });
      await expect(
        store.writeScores([changed, broken], T1),
      ).rejects.toHaveProperty(
        'message',
        expect.stringMatching(CONSTRAINT_VIOLATION),
      );
      expect(
        await knex('check_results').orderBy(['entity_ref', 'check_id']),
      ).toEqual(before);
      expect((await store.getScore('component:default/a'))?.score).toBe(50);
      expect(await store.listHistory('component:default/a', 5)).toEqual([]);
    });

    it('keeps owner contacts and rewrites them only when they change', async () => {
      const { knex, store } = await createStore();
      const contact: TeamContact = {
        ref: 'group:default/team-a',
        displayName: 'Team A',
        contacts: [
          {
            type: 'email',
            label: 'a@example.com',
            url: 'mailto:a@example.com',
          },
        ],
      };
      await store.writeScores([entity('a', { ownerContact: contact })], T0);
      await store.writeScores([entity('a', { ownerContact: contact })], T1);
      const rows = await knex('owners');
      expect(rows).toHaveLength(1);
      expect(rows[0].updated_at).toBe(T0.toISOString());
      const owners = await store.getOwners([
        'group:default/team-a',
        'group:default/none',
      ]);
      expect(owners.get('group:default/team-a')).toEqual(contact);
      expect(owners.has('group:default/none')).toBe(false);
    });

    it('stores the exemption with an exempt result', async () => {
      const { store } = await createStore();
      const exemption = {
        id: '6f1c1a4e-0000-4000-8000-000000000001',
        entityRef: 'component:default/a',
        checkId: 'tracing.instrumented',
        reason: 'batch job',
        author: 'user:default/jane',
        createdAt: T0.toISOString(),
      };
      await store.createExemption(exemption);
      await store.writeScores(
        [
          entity('a', {
            results: [result('tracing.instrumented', 'exempt', { exemption })],
          }),
        ],
        T0,
      );
      const [stored] = await store.listResults('component:default/a');
      expect(stored.state).toBe('exempt');
      expect(stored.exemption).toEqual(exemption);
    });
  });
});
