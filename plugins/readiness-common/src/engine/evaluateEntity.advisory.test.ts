import { ConfigReader } from '@backstage/config';
import { readCheckPackFromConfig } from '../config/readCheckPackFromConfig';
import { createCheckPack } from '../pack/CheckPack';
import { toCheckInfo } from '../pack/toCheckInfo';
import { compileCheckPack } from './compileCheckPack';
import { evaluateEntity } from './evaluateEntity';
import {
  createTestFacts,
  testComponent,
} from './__testUtils__/createTestFacts';
import { stateCheck } from './__testUtils__/stateCheck';

const NOW = new Date('2026-03-01T12:00:00Z');

function evaluate(advisory: boolean, states: Record<string, string>) {
  const pack = compileCheckPack(
    createCheckPack({
      checks: [
        stateCheck('basics.b1', 'bronze', 1),
        { ...stateCheck('observe.s1', 'silver', 3), advisory },
        stateCheck('observe.s2', 'silver', 1),
      ],
    }),
  );
  return evaluateEntity(
    pack,
    createTestFacts({
      entity: testComponent(),
      extra: { states: { status: 'ok', data: states } },
    }),
    { now: NOW },
  );
}

describe('evaluateEntity: advisory checks', () => {
  const failing = {
    'basics.b1': 'pass',
    'observe.s1': 'fail',
    'observe.s2': 'pass',
  };

  it('evaluates and shows an advisory check without counting it in the level or the score', () => {
    const card = evaluate(true, failing);
    expect(card.results.find(r => r.checkId === 'observe.s1')?.state).toBe(
      'fail',
    );
    expect(card.level).toBe('silver');
    expect(card.blockingCheckIds).toEqual([]);
    expect(card.score).toBe(100);
    expect(card.categories.find(c => c.category === 'observe')).toMatchObject({
      failed: 0,
      applicable: 1,
    });
  });

  it('counts the same check once promoted', () => {
    const card = evaluate(false, failing);
    expect(card.level).toBe('bronze');
    expect(card.nextLevel).toBe('silver');
    expect(card.blockingCheckIds).toEqual(['observe.s1']);
    expect(card.score).toBe(40);
  });

  it('reaches no level on an advisory check alone', () => {
    const pack = compileCheckPack(
      createCheckPack({
        checks: [
          stateCheck('basics.b1', 'bronze', 1),
          { ...stateCheck('observe.s1', 'silver', 1), advisory: true },
        ],
      }),
    );
    const card = evaluateEntity(
      pack,
      createTestFacts({
        entity: testComponent(),
        extra: {
          states: {
            status: 'ok',
            data: { 'basics.b1': 'pass', 'observe.s1': 'pass' },
          },
        },
      }),
      { now: NOW },
    );
    expect(card.level).toBe('bronze');
  });

  it('reads advisory from readiness.checks, and promotes by removing it', () => {
    const advisory = readCheckPackFromConfig(
      new ConfigReader({
        readiness: {
          checks: [{ id: 'runbook.runbook', advisory: true }],
        },
      }),
    );
    const check = advisory.checks.find(c => c.id === 'runbook.runbook')!;
    expect(check.advisory).toBe(true);
    expect(toCheckInfo(check).advisory).toBe(true);
    const promoted = readCheckPackFromConfig(new ConfigReader({}));
    expect(
      toCheckInfo(promoted.checks.find(c => c.id === 'runbook.runbook')!)
        .advisory,
    ).toBeUndefined();
  });

  it('refuses an advisory that is not true or false, naming the field and value', () => {
    expect(() =>
      readCheckPackFromConfig(
        new ConfigReader({
          readiness: { checks: [{ id: 'runbook.runbook', advisory: 'yes' }] },
        }),
      ),
    ).toThrow(/readiness\.checks\[0\]\.advisory.*yes/);
  });
});
