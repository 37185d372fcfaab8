import { T0, entity, result } from '../../__testUtils__/storeFixtures';
import { describeEachDatabase } from '../../__testUtils__/describeEachDatabase';

jest.setTimeout(120_000);

describeEachDatabase('DatabaseReadinessStore: check states', createStore => {
  it('gives the state of the asked checks of the asked entities, where stored', async () => {
    const { store } = await createStore();
    await store.writeScores(
      [
        entity('a', {
          results: [
            result('runbook.runbook', 'pass'),
            result('logging.logs', 'unknown'),
            result('tracing.instrumented', 'fail'),
          ],
        }),
        entity('b', { results: [result('runbook.runbook', 'fail')] }),
        entity('c', { results: [result('runbook.runbook', 'pass')] }),
      ],
      T0,
    );
    const states = await store.listCheckStates(
      ['component:default/a', 'component:default/b', 'component:default/x'],
      ['runbook.runbook', 'logging.logs'],
    );
    expect(
      Object.fromEntries(
        [...states].map(([ref, byCheck]) => [ref, Object.fromEntries(byCheck)]),
      ),
    ).toEqual({
      'component:default/a': {
        'runbook.runbook': 'pass',
        'logging.logs': 'unknown',
      },
      'component:default/b': { 'runbook.runbook': 'fail' },
    });
    expect(await store.listCheckStates([], ['runbook.runbook'])).toEqual(
      new Map(),
    );
    expect(await store.listCheckStates(['component:default/a'], [])).toEqual(
      new Map(),
    );
  });
});
