import type { CheckDefinition } from '../types';
import { createCheckPack } from '../pack/CheckPack';
import { compileCheckPack } from '../engine/compileCheckPack';
import { evaluateEntity } from '../engine/evaluateEntity';
import {
  createTestFacts,
  testComponent,
} from '../engine/__testUtils__/createTestFacts';
import { stateCheck } from '../engine/__testUtils__/stateCheck';
import { findUnevaluatedChecks } from './findUnevaluatedChecks';
import { levelFromStoredResults } from './levelFromStoredResults';

const NOW = new Date('2026-03-01T12:00:00Z');

const baseChecks: CheckDefinition[] = [
  stateCheck('basics.b1', 'bronze', 1),
  stateCheck('basics.b2', 'bronze', 1),
  { ...stateCheck('observe.s1', 'silver', 1), advisory: true },
  stateCheck('observe.g1', 'gold', 1),
  { ...stateCheck('metrics.m1', 'silver', 1), requires: ['metrics'] },
];

function facts(states: Record<string, string>, metrics = true) {
  return createTestFacts({
    entity: testComponent(),
    metrics: metrics
      ? {}
      : { status: 'not-configured', reason: 'no metrics provider' },
    extra: { states: { status: 'ok', data: states } },
  });
}

/** The level from stored results next to the level a full evaluation gives. */
function compare(
  states: Record<string, string>,
  proposedChecks: CheckDefinition[],
  metrics = true,
) {
  const basePack = createCheckPack({ checks: baseChecks });
  const proposedPack = createCheckPack({ checks: proposedChecks });
  const base = compileCheckPack(basePack);
  const proposed = compileCheckPack(proposedPack);
  const stored = evaluateEntity(base, facts(states, metrics), { now: NOW });
  const fromStore = levelFromStoredResults(
    {
      ...stored,
      // The store keeps no notConfigured flag.
      results: stored.results.map(({ notConfigured: _, ...r }) => r),
    },
    {
      base,
      proposed,
      unevaluated: findUnevaluatedChecks(basePack, proposedPack),
    },
  );
  const evaluated = evaluateEntity(proposed, facts(states, metrics), {
    now: NOW,
  }).level;
  return { fromStore, evaluated };
}

const promote = baseChecks.map(c =>
  c.id === 'observe.s1' ? { ...c, advisory: false } : c,
);
const moveToGold = baseChecks.map(c =>
  c.id === 'basics.b2' ? { ...c, level: 'gold' } : c,
);
const demote = baseChecks.map(c =>
  c.id === 'observe.g1' ? { ...c, advisory: true } : c,
);
const everyState = ['pass', 'fail', 'unknown', 'not-applicable'];

describe('levelFromStoredResults', () => {
  it.each([
    ['promoting an advisory check', promote],
    ['moving a check to another level', moveToGold],
    ['making a check advisory', demote],
  ])('agrees with a full evaluation when %s', (_, proposedChecks) => {
    const disagreements: unknown[] = [];
    const undetermined: string[] = [];
    let cases = 0;
    for (const b2 of everyState) {
      for (const s1 of everyState) {
        for (const g1 of everyState) {
          for (const metrics of [true, false]) {
            const states = {
              'basics.b1': 'pass',
              'basics.b2': b2,
              'observe.s1': s1,
              'observe.g1': g1,
              'metrics.m1': 'pass',
            };
            const { fromStore, evaluated } = compare(
              states,
              proposedChecks,
              metrics,
            );
            cases += 1;
            if ('undetermined' in fromStore) {
              undetermined.push(fromStore.undetermined);
            } else if (fromStore.level !== evaluated) {
              disagreements.push({ states, metrics, fromStore, evaluated });
            }
          }
        }
      }
    }
    expect(disagreements).toEqual([]);
    // Only an unknown whose cause is not stored may leave a level open.
    expect(undetermined.filter(reason => !/is unknown/.test(reason))).toEqual(
      [],
    );
    expect(undetermined.length).toBeLessThan(cases / 4);
  });

  it('tells a not-configured unknown from a blocking one by the stored level', () => {
    // metrics.m1 is unknown for want of a provider: it blocks nothing, so
    // promoting observe.s1 (passing) keeps the entity at gold.
    const { fromStore, evaluated } = compare(
      {
        'basics.b1': 'pass',
        'basics.b2': 'pass',
        'observe.s1': 'pass',
        'observe.g1': 'pass',
      },
      promote,
      false,
    );
    expect(evaluated).toBe('gold');
    expect(fromStore).toEqual({ level: 'gold' });
  });

  it('answers undetermined, naming the check, when a new rule could change the level', () => {
    const added = [...baseChecks, stateCheck('basics.b3', 'bronze', 1)];
    const { fromStore } = compare(
      {
        'basics.b1': 'pass',
        'basics.b2': 'pass',
        'observe.g1': 'pass',
        'metrics.m1': 'pass',
      },
      added,
    );
    expect(fromStore).toEqual({
      undetermined: expect.stringContaining('basics.b3 is a new check'),
    });
  });

  it('answers a level when a new check cannot change it', () => {
    // Already below silver: a new gold check moves nothing.
    const added = [...baseChecks, stateCheck('observe.g2', 'gold', 1)];
    const { fromStore } = compare(
      { 'basics.b1': 'fail', 'basics.b2': 'pass' },
      added,
    );
    expect(fromStore).toEqual({});
  });
});
