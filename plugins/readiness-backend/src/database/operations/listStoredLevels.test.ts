import { T0, entity, result } from '../../__testUtils__/storeFixtures';
import { describeEachDatabase } from '../../__testUtils__/describeEachDatabase';

jest.setTimeout(120_000);

describeEachDatabase('listStoredLevels', createStore => {
  it('reads levels, blocking checks and result states of the visible entities', async () => {
    const { store } = await createStore();
    await store.writeScores(
      [
        {
          ...entity('a', { level: 'bronze', levelRank: 1 }),
          nextLevel: 'silver',
          blockingCheckIds: ['tracing.instrumented'],
        },
        entity('b', {
          owner: 'group:default/team-b',
          results: [
            result('ownership.owner', 'exempt'),
            result('tracing.instrumented', 'not-applicable'),
          ],
        }),
      ],
      T0,
    );

    const all = await store.listStoredLevels(undefined);
    expect(all.map(s => s.entityRef)).toEqual([
      'component:default/a',
      'component:default/b',
    ]);
    expect(all[0]).toMatchObject({
      owner: 'group:default/team-a',
      level: 'bronze',
      nextLevel: 'silver',
      blockingCheckIds: ['tracing.instrumented'],
    });
    expect(all[0].results.map(r => [r.checkId, r.state])).toEqual([
      ['ownership.owner', 'pass'],
      ['tracing.instrumented', 'fail'],
    ]);
    expect(all[1].results.map(r => [r.checkId, r.state])).toEqual([
      ['ownership.owner', 'exempt'],
      ['tracing.instrumented', 'not-applicable'],
    ]);

    const visible = await store.listStoredLevels(['component:default/b']);
    expect(visible.map(s => s.entityRef)).toEqual(['component:default/b']);
    expect(await store.listStoredLevels([])).toEqual([]);
  });
});
