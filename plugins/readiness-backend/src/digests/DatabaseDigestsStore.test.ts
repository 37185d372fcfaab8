import { describeEachDatabase } from '../__testUtils__/describeEachDatabase';
import { entity, result } from '../__testUtils__/storeFixtures';
import { DatabaseDigestsStore } from './DatabaseDigestsStore';

jest.setTimeout(120_000);

const TEAM_A = 'group:default/team-a';
const TEAM_B = 'group:default/team-b';
/** Two weeks before the digest, the week before it, and the digest's day. */
const OLD = new Date('2026-11-16T10:00:00.000Z');
const LAST_WEEK = new Date('2026-12-01T10:00:00.000Z');
const NOW = new Date('2026-12-07T08:00:00.000Z');
const SINCE = '2026-11-30T08:00:00.000Z';

describeEachDatabase('DatabaseDigestsStore', createStore => {
  it('claims a digest once per team and week, and gives a failed one back', async () => {
    const { knex } = await createStore();
    const digests = DatabaseDigestsStore.fromKnex(knex);
    expect(await digests.claimDigest(TEAM_A, '2026-12-07', NOW)).toBe(true);
    expect(await digests.claimDigest(TEAM_A, '2026-12-07', NOW)).toBe(false);
    expect(await digests.claimDigest(TEAM_B, '2026-12-07', NOW)).toBe(true);
    await digests.releaseDigest(TEAM_B, '2026-12-07');
    expect(await digests.claimDigest(TEAM_B, '2026-12-07', NOW)).toBe(true);
    await digests.completeDigest(TEAM_A, '2026-12-07', NOW, {
      levelChanges: 1,
      deadlines: 0,
      exemplars: 2,
      sent: true,
    });
    // A sent digest is never given back.
    await digests.releaseDigest(TEAM_A, '2026-12-07');
    expect(await digests.claimDigest(TEAM_A, '2026-12-07', NOW)).toBe(false);
    expect(await digests.claimDigest(TEAM_A, '2026-12-14', NOW)).toBe(true);
  });

  it("finds the team's level changes, its gaps, and other teams' new passes of them", async () => {
    const { knex, store } = await createStore();
    const digests = DatabaseDigestsStore.fromKnex(knex);
    const failingRunbook = [
      result('ownership.owner-resolves', 'pass'),
      result('runbook.runbook', 'fail'),
    ];
    const passingRunbook = [
      result('ownership.owner-resolves', 'pass'),
      result('runbook.runbook', 'pass'),
    ];
    await store.writeScores(
      [
        entity('rises', { owner: TEAM_A, results: failingRunbook }),
        entity('steady', {
          owner: TEAM_A,
          level: 'bronze',
          levelRank: 1,
          results: failingRunbook,
        }),
        entity('solver', { owner: TEAM_B, results: failingRunbook }),
        entity('flaky', { owner: TEAM_B, results: failingRunbook }),
        entity('old-solver', { owner: TEAM_B, results: passingRunbook }),
      ],
      OLD,
    );
    await store.writeScores(
      [
        entity('rises', {
          owner: TEAM_A,
          level: 'bronze',
          levelRank: 1,
          results: failingRunbook,
        }),
        entity('solver', { owner: TEAM_B, results: passingRunbook }),
        entity('flaky', { owner: TEAM_B, results: passingRunbook }),
        // New this week: arrived, did not change.
        entity('newcomer', {
          owner: TEAM_A,
          level: 'bronze',
          levelRank: 1,
          results: failingRunbook,
        }),
      ],
      LAST_WEEK,
    );
    // Passed for a day, fails again: no exemplar.
    await store.writeScores(
      [entity('flaky', { owner: TEAM_B, results: failingRunbook })],
      new Date('2026-12-02T10:00:00.000Z'),
    );

    expect(await digests.listLevelChanges([TEAM_A], '2026-11-30')).toEqual([
      {
        entityRef: 'component:default/rises',
        title: undefined,
        from: undefined,
        to: 'bronze',
      },
    ]);
    expect(await digests.listFailingCheckIds([TEAM_A])).toEqual([
      'runbook.runbook',
    ]);
    expect(
      await digests.listNewPasses(['runbook.runbook'], SINCE, [TEAM_A]),
    ).toEqual([
      {
        entityRef: 'component:default/solver',
        checkId: 'runbook.runbook',
        owner: TEAM_B,
        at: LAST_WEEK.toISOString(),
      },
    ]);
    // The team's own fixes are not exemplars for it.
    expect(
      await digests.listNewPasses(['runbook.runbook'], SINCE, [TEAM_A, TEAM_B]),
    ).toEqual([]);
  });
});
