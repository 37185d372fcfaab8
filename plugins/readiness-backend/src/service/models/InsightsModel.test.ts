import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import {
  createCheckPack,
  defaultChecks,
} from '@prodready/plugin-readiness-common';
import { DatabaseReadinessStore } from '../../database/DatabaseReadinessStore';
import type { EntityScoreWrite } from '../../database/ReadinessStore';
import { PackIndex } from '../../pack/PackIndex';
import { InsightsModel } from './InsightsModel';
import { ScoresVersionWatch } from '../../lib/ScoresVersionWatch';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const pack = new PackIndex(createCheckPack({ checks: defaultChecks }));

function write(
  name: string,
  owner: string,
  score: number,
  level?: string,
): EntityScoreWrite {
  return {
    summary: {
      entityRef: `component:default/${name}`,
      kind: 'Component',
      namespace: 'default',
      name,
      owner,
      score,
      level,
      gaps: 0,
    },
    levelRank: pack.levelRank(level),
    blockingCheckIds: [],
    categories: [
      {
        category: 'tracing',
        passed: score > 50 ? 1 : 0,
        failed: score > 50 ? 0 : 1,
        unknown: 0,
        applicable: 1,
        score,
      },
      {
        category: 'ownership',
        passed: 2,
        failed: 0,
        unknown: 1,
        applicable: 3,
        score: 100,
      },
    ],
    traits: [],
    results: [],
  };
}

async function setup(today: string) {
  const knex = await databases.init('SQLITE_3');
  const store = await DatabaseReadinessStore.create({
    database: mockServices.database({ knex }),
  });
  const insights = new InsightsModel({
    store,
    pack,
    scoresVersion: new ScoresVersionWatch({
      read: () => store.getScoresVersion(),
      intervalMs: 0,
    }),
    cacheTtlMs: 60_000,
    now: () => new Date(`${today}T12:00:00.000Z`),
  });
  return { store, insights };
}

const day = (d: string) => new Date(`${d}T10:00:00.000Z`);

describe('InsightsModel', () => {
  it('carries each entity forward day by day and drops removed ones', async () => {
    const { store, insights } = await setup('2025-05-05');
    await store.writeScores(
      [
        write('a', 'group:default/x', 40),
        write('b', 'group:default/y', 60, 'bronze'),
      ],
      day('2025-04-20'),
    );
    await store.writeScores(
      [
        write('a', 'group:default/x', 80, 'silver'),
        write('b', 'group:default/y', 60, 'bronze'),
      ],
      day('2025-05-03'),
    );
    await store.removeEntities(['component:default/b'], day('2025-05-04'));

    const points = await insights.trend({ days: 4 }, undefined);
    expect(points).toEqual([
      { date: '2025-05-02', score: 50, levels: { none: 1, bronze: 1 } },
      { date: '2025-05-03', score: 70, levels: { silver: 1, bronze: 1 } },
      { date: '2025-05-04', score: 80, levels: { silver: 1 } },
      { date: '2025-05-05', score: 80, levels: { silver: 1 } },
    ]);
    const owned = await insights.trend({ days: 2, owner: 'x' }, undefined);
    expect(owned.map(p => p.score)).toEqual([80, 80]);
    const visible = await insights.trend({ days: 1 }, [
      'component:default/nothing',
    ]);
    expect(visible).toEqual([]);
    await expect(
      insights.trend({ days: 1, owner: 'group:default/' }, undefined),
    ).rejects.toThrow("Invalid owner 'group:default/'");
  });

  it('rolls up by owner with pass rates over decided checks, in pack category order', async () => {
    const { store, insights } = await setup('2025-05-05');
    await store.writeScores(
      [
        write('a', 'group:default/x', 40),
        write('b', 'group:default/x', 80, 'silver'),
        write('c', 'group:default/y', 90, 'gold'),
      ],
      day('2025-05-05'),
    );
    const rollup = await insights.rollups('owner', undefined);
    expect(rollup.groups[0]).toEqual({
      key: 'group:default/x',
      entities: 2,
      belowTarget: 0,
      meanScore: 60,
      levels: { none: 1, silver: 1 },
      categories: { tracing: 0.5, ownership: 1 },
    });
    expect(Object.keys(rollup.groups[0].categories)).toEqual(
      pack.pack.categories.filter(c => ['tracing', 'ownership'].includes(c)),
    );
    expect(rollup.total).toMatchObject({
      key: 'total',
      entities: 3,
      meanScore: 70,
    });

    // Answered from memory while the scores version stays.
    expect(await insights.rollups('owner', undefined)).toBe(rollup);
    // Another replica's write: this model is not told, the version moves.
    await store.writeScores(
      [write('d', 'group:default/z', 10)],
      day('2025-05-05'),
    );
    expect((await insights.rollups('owner', undefined)).total.entities).toBe(4);
  });

  it('serves trend and roll-ups from memory until any writer changes the scores version', async () => {
    const { store, insights } = await setup('2025-05-05');
    await store.writeScores(
      [write('a', 'group:default/x', 40)],
      day('2025-05-05'),
    );
    const trend = await insights.trend({ days: 1 }, undefined);
    const rollup = await insights.rollups('owner', undefined);
    const rollupSpy = jest.spyOn(store, 'listRollupRows');
    const trendSpy = jest.spyOn(store, 'listSnapshotsSince');
    expect(await insights.trend({ days: 1 }, undefined)).toBe(trend);
    expect(await insights.rollups('owner', undefined)).toBe(rollup);
    expect(rollupSpy).not.toHaveBeenCalled();
    expect(trendSpy).not.toHaveBeenCalled();

    await store.writeScores(
      [write('a', 'group:default/x', 80, 'silver')],
      day('2025-05-05'),
    );
    expect(await insights.trend({ days: 1 }, undefined)).toEqual([
      { date: '2025-05-05', score: 80, levels: { silver: 1 } },
    ]);
    expect(
      (await insights.rollups('owner', undefined)).groups[0].meanScore,
    ).toBe(80);
  });
});
