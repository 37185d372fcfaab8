import { mockServices } from '@backstage/backend-test-utils';
import type { CheckState } from '@prodready/plugin-readiness-common';
import { DatabaseReadinessStore } from '../DatabaseReadinessStore';
import type { EntityScoreWrite } from '../ReadinessStore';
import { createTestDatabases } from '../../__testUtils__/createTestDatabases';

jest.setTimeout(60_000);

const databases = createTestDatabases();
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

describe.each(databases.eachSupportedId())('writeScores on %p', databaseId => {
  it('writes each change once when one entity is scored twice at the same time', async () => {
    const knex = await databases.init(databaseId);
    const store = await DatabaseReadinessStore.create({
      database: mockServices.database({ knex }),
    });
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
