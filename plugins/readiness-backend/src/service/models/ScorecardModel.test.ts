import { mockServices } from '@backstage/backend-test-utils';
import {
  createCheckPack,
  defaultChecks,
} from '@prodready/plugin-readiness-common';
import { DatabaseReadinessStore } from '../../database/DatabaseReadinessStore';
import { ExemplarFinder } from '../../learnFrom/ExemplarFinder';
import { PackIndex } from '../../pack/PackIndex';
import { createTestDatabases } from '../../__testUtils__/createTestDatabases';
import { T0, T1, entity, result } from '../../__testUtils__/storeFixtures';
import { InsightsModel } from './InsightsModel';
import { ScorecardModel } from './ScorecardModel';
import { ScoresVersionWatch } from '../../lib/ScoresVersionWatch';

jest.setTimeout(120_000);

const databases = createTestDatabases();
const pack = new PackIndex(createCheckPack({ checks: defaultChecks }));

describe.each(databases.eachSupportedId())('ScorecardModel on %p', id => {
  it('answers the same from the precomputed document as query by query', async () => {
    const knex = await databases.init(id);
    const store = await DatabaseReadinessStore.create({
      database: mockServices.database({ knex }),
    });
    const now = () => new Date('2025-03-03T12:00:00.000Z');
    const model = new ScorecardModel({
      store,
      pack,
      insights: new InsightsModel({
        store,
        pack,
        scoresVersion: new ScoresVersionWatch({
          read: () => store.getScoresVersion(),
          intervalMs: 0,
        }),
        cacheTtlMs: 0,
        now,
      }),
      exemplars: ExemplarFinder.create({
        store,
        logger: mockServices.logger.mock(),
      }),
      learnFromLimit: 3,
    });
    const failing = [
      result('ownership.owner-resolves', 'pass'),
      result('runbook.runbook', 'fail'),
    ];
    const passing = [
      result('ownership.owner-resolves', 'pass'),
      result('runbook.runbook', 'pass', {
        evidence: [{ kind: 'link', label: 'runbook link', value: 'x' }],
      }),
    ];
    await store.writeScores(
      [
        entity('a', { score: 40, results: failing }),
        entity('b', { owner: 'group:default/team-b', results: passing }),
      ],
      T0,
    );
    await store.writeScores(
      [entity('a', { score: 50, results: failing.slice(0, 1) })],
      T1,
    );
    await store.writeScores([entity('a', { score: 45, results: failing })], T1);

    const ref = 'component:default/a';
    const fromDocument = await model.getScorecard(ref, undefined);
    await knex('entity_scorecards').delete();
    const queryByQuery = await model.getScorecard(ref, undefined);
    expect(fromDocument).toEqual(queryByQuery);
    expect(fromDocument.entity.score).toBe(45);
    expect(fromDocument.history.length).toBeGreaterThan(0);
    expect(fromDocument.trend.map(p => [p.date, p.score])).toContainEqual([
      '2025-03-02',
      45,
    ]);
    const runbook = fromDocument.results.find(
      r => r.checkId === 'runbook.runbook',
    );
    expect(runbook?.learnFrom?.map(e => e.entity.entityRef)).toEqual([
      'component:default/b',
    ]);
    await expect(
      model.getScorecard('component:default/none', undefined),
    ).rejects.toThrow(/has not been scored/);
  });

  it('carries the target of the tier of the entity with the checks in its way, from the document', async () => {
    const knex = await databases.init(id);
    const store = await DatabaseReadinessStore.create({
      database: mockServices.database({ knex }),
    });
    const targeted = new PackIndex(createCheckPack({ checks: defaultChecks }), {
      'tier-1': 'gold',
    });
    const model = new ScorecardModel({
      store,
      pack: targeted,
      insights: new InsightsModel({
        store,
        pack: targeted,
        scoresVersion: new ScoresVersionWatch({
          read: () => store.getScoresVersion(),
          intervalMs: 0,
        }),
        cacheTtlMs: 0,
      }),
      exemplars: { find: async () => [], indexVersion: undefined },
      learnFromLimit: 0,
    });
    await store.writeScores(
      [
        entity('t1', {
          tier: 'tier-1',
          level: 'bronze',
          levelRank: 1,
          nextLevel: 'silver',
          results: [
            result('ownership.owner-resolves', 'pass'),
            result('monitoring.dashboard', 'fail'),
            result('monitoring.slo', 'unknown'),
            result('runbook.postmortems', 'pass'),
          ],
        }),
        entity('t3', { tier: 'tier-3', level: 'bronze', levelRank: 1 }),
      ],
      T0,
    );
    const scorecard = await model.getScorecard(
      'component:default/t1',
      undefined,
    );
    expect(scorecard.targetGap).toEqual({
      level: 'gold',
      tier: 'tier-1',
      levelsToGo: 2,
      blockingCheckIds: ['monitoring.dashboard', 'monitoring.slo'],
    });
    expect(scorecard.entity).toMatchObject({
      target: 'gold',
      levelsToTarget: 2,
    });
    const untargeted = await model.getScorecard(
      'component:default/t3',
      undefined,
    );
    expect(untargeted.targetGap).toBeUndefined();
    expect(untargeted.entity.target).toBeUndefined();
  });
});
