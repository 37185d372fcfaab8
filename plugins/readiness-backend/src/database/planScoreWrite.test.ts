import type {
  CheckResult,
  CheckState,
} from '@prodready/plugin-readiness-common';
import {
  planOwnerWrite,
  planScoreWrite,
  refsWithChangedResults,
  toScoreWrites,
} from './planScoreWrite';
import type { EntityScoreWrite } from './ReadinessStore';
import type { CheckResultRow, EntityScoreRow } from './tables';

const T0 = new Date('2025-03-01T10:00:00.000Z');
const T1 = new Date('2025-03-02T10:00:00.000Z');
const REF = 'component:default/a';

function result(checkId: string, state: CheckState): CheckResult {
  return { checkId, state, reason: `${checkId} is ${state}`, evidence: [] };
}

function write(
  results: CheckResult[],
  level: { name?: string; rank: number } = { name: 'bronze', rank: 1 },
): EntityScoreWrite {
  return {
    summary: {
      entityRef: REF,
      kind: 'Component',
      namespace: 'default',
      name: 'a',
      owner: 'group:default/team-a',
      score: results.filter(r => r.state === 'pass').length * 10,
      level: level.name,
      gaps: results.filter(r => r.state === 'fail').length,
    },
    levelRank: level.rank,
    blockingCheckIds: [],
    categories: [],
    traits: [],
    results,
  };
}

/** The rows stored after `item` was written at `at` onto an empty store. */
function stored(item: EntityScoreWrite, at: Date) {
  const writes = toScoreWrites([item], at);
  const row = writes.get(REF)!.row;
  const results = new Map<string, CheckResultRow>();
  for (const r of item.results.filter(x => x.state !== 'not-applicable')) {
    results.set(r.checkId, {
      entity_ref: REF,
      check_id: r.checkId,
      state: r.state,
      reason: r.reason,
      evidence: JSON.stringify(r.evidence),
      exemption_id: null,
      updated_at: at.toISOString(),
    });
  }
  return {
    scores: new Map<string, EntityScoreRow>([[REF, row]]),
    results: new Map([[REF, results]]),
  };
}

const EMPTY = { scores: new Map(), results: new Map() };

describe('planScoreWrite', () => {
  it('writes a new entity with its results and a snapshot, but no history or level change', () => {
    const item = write([result('a.one', 'pass'), result('a.two', 'fail')]);
    const plan = planScoreWrite(toScoreWrites([item], T0), EMPTY, T0);
    expect(plan.resultUpserts.map(r => [r.check_id, r.state])).toEqual([
      ['a.one', 'pass'],
      ['a.two', 'fail'],
    ]);
    expect(plan.history).toEqual([]);
    expect(plan.scoreUpserts).toHaveLength(1);
    expect(plan.touched).toEqual([]);
    expect(plan.snapshots).toEqual([
      { entity_ref: REF, day: '2025-03-01', score: 10, level: 'bronze' },
    ]);
    expect(plan.levelChanges).toEqual([]);
    expect(plan.firstScored).toEqual([REF]);
  });

  it('only touches an entity whose score and results did not change', () => {
    const item = write([result('a.one', 'pass')]);
    const writes = toScoreWrites([item], T1);
    const previous = stored(item, T0);
    expect(refsWithChangedResults(writes, previous.scores)).toEqual([]);
    const plan = planScoreWrite(writes, previous, T1);
    expect(plan).toMatchObject({
      resultUpserts: [],
      history: [],
      scoreUpserts: [],
      touched: [REF],
      snapshots: [],
      levelChanges: [],
      firstScored: [],
    });
    expect(plan.resultDeletes.size).toBe(0);
  });

  it('records a change of state once, with the level change it causes', () => {
    const before = write([result('a.one', 'pass'), result('a.two', 'pass')], {
      name: 'silver',
      rank: 2,
    });
    const after = write([result('a.one', 'pass'), result('a.two', 'fail')], {
      name: 'bronze',
      rank: 1,
    });
    const plan = planScoreWrite(
      toScoreWrites([after], T1),
      stored(before, T0),
      T1,
    );
    expect(plan.resultUpserts.map(r => [r.check_id, r.state])).toEqual([
      ['a.two', 'fail'],
    ]);
    expect(plan.history).toEqual([
      {
        entity_ref: REF,
        check_id: 'a.two',
        from_state: 'pass',
        to_state: 'fail',
        at: T1.toISOString(),
        from_evaluated_at: T0.toISOString(),
      },
    ]);
    expect(plan.levelChanges).toEqual([
      {
        entityRef: REF,
        title: undefined,
        owner: 'group:default/team-a',
        from: 'silver',
        to: 'bronze',
        rose: false,
        failingCheckIds: ['a.two'],
      },
    ]);
    expect(plan.snapshots).toEqual([
      { entity_ref: REF, day: '2025-03-02', score: 10, level: 'bronze' },
    ]);
  });

  it('updates a result whose reason changed without a history row', () => {
    const before = write([result('a.one', 'fail')]);
    const changed = result('a.one', 'fail');
    changed.reason = 'still failing, differently';
    const plan = planScoreWrite(
      toScoreWrites([write([changed])], T1),
      stored(before, T0),
      T1,
    );
    expect(plan.resultUpserts.map(r => r.reason)).toEqual([
      'still failing, differently',
    ]);
    expect(plan.history).toEqual([]);
  });

  it('keeps checks that do not apply out of the result rows and records moves in and out', () => {
    const before = write([result('a.one', 'pass'), result('a.two', 'fail')]);
    const after = write([
      result('a.one', 'not-applicable'),
      result('a.two', 'fail'),
      result('a.new', 'pass'),
    ]);
    const plan = planScoreWrite(
      toScoreWrites([after], T1),
      stored(before, T0),
      T1,
    );
    expect(plan.resultDeletes).toEqual(new Map([[REF, ['a.one']]]));
    expect(
      plan.history.map(h => [h.check_id, h.from_state, h.to_state]),
    ).toEqual([
      ['a.one', 'pass', 'not-applicable'],
      ['a.new', null, 'pass'],
    ]);
    const back = planScoreWrite(
      toScoreWrites([before], T1),
      stored(after, T0),
      T1,
    );
    expect(
      back.history.map(h => [h.check_id, h.from_state, h.to_state]),
    ).toEqual([['a.one', 'not-applicable', 'pass']]);
  });

  it('deletes the rows of checks that left the pack', () => {
    const before = write([result('a.one', 'pass'), result('a.gone', 'fail')]);
    const after = write([result('a.one', 'pass')]);
    const plan = planScoreWrite(
      toScoreWrites([after], T1),
      stored(before, T0),
      T1,
    );
    expect(plan.resultDeletes).toEqual(new Map([[REF, ['a.gone']]]));
    expect(plan.history).toEqual([]);
  });

  it('keeps the last write of an entity and one contact per owner', () => {
    const contact = {
      ref: 'group:default/team-a',
      displayName: 'Team A',
      contacts: [],
    };
    const first = {
      ...write([result('a.one', 'fail')]),
      ownerContact: contact,
    };
    const second = {
      ...write([result('a.one', 'pass')]),
      ownerContact: contact,
    };
    const plan = planScoreWrite(toScoreWrites([first, second], T0), EMPTY, T0);
    expect(plan.resultUpserts.map(r => r.state)).toEqual(['pass']);
    expect(plan.owners).toEqual([contact]);
  });
});

describe('planOwnerWrite', () => {
  const owner = {
    ref: 'group:default/team-a',
    displayName: 'Team A',
    contacts: [
      {
        type: 'email' as const,
        label: 'a@example.com',
        url: 'mailto:a@example.com',
      },
    ],
  };

  it('writes new owners and owners whose contacts changed, nothing else', () => {
    expect(planOwnerWrite([owner], new Map(), T0)).toEqual([
      {
        owner_ref: owner.ref,
        display_name: 'Team A',
        contacts: JSON.stringify(owner.contacts),
        updated_at: T0.toISOString(),
      },
    ]);
    const existing = new Map([
      [
        owner.ref,
        {
          owner_ref: owner.ref,
          display_name: 'Team A',
          contacts: JSON.stringify(owner.contacts),
          updated_at: T0.toISOString(),
        },
      ],
    ]);
    expect(planOwnerWrite([owner], existing, T1)).toEqual([]);
    expect(
      planOwnerWrite([{ ...owner, displayName: 'Team Alpha' }], existing, T1),
    ).toHaveLength(1);
  });
});
