import type { CheckDefinition, FactDocument, PushedFact } from '../types';
import { createCheckPack } from '../pack/CheckPack';
import { compileCheckPack } from './compileCheckPack';
import { evaluateEntity } from './evaluateEntity';

const NOW = new Date('2026-03-01T12:00:00Z');

const coverage: CheckDefinition = {
  id: 'quality.coverage',
  title: 'Test coverage',
  category: 'quality',
  level: 'bronze',
  weight: 1,
  requires: [],
  rule: { fact: 'pushed.coverage', gte: 80 },
  warn: { fact: 'pushed.coverage', gte: 60 },
  messages: {
    pass: 'Coverage is at least 80%',
    fail: 'Coverage is below 60%',
    warn: 'Coverage is below 80%',
  },
  remediation: { markdown: 'Push coverage from CI' },
};

const pack = compileCheckPack(createCheckPack({ checks: [coverage] }));

function fact(value: number, stale = false): PushedFact {
  return {
    key: 'coverage',
    value,
    observedAt: '2026-02-27T10:00:00.000Z',
    staleAt: stale ? '2026-02-28T10:00:00.000Z' : '2026-03-06T10:00:00.000Z',
    stale,
  };
}

function facts(pushed: Record<string, PushedFact> | undefined): FactDocument {
  return {
    entityRef: 'component:default/a',
    namespaces: {
      entity: {
        status: 'ok',
        data: {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: { name: 'a' },
          spec: {},
        },
      },
      pushed: pushed ? { status: 'ok', data: pushed } : undefined,
    },
  };
}

describe('evaluateEntity with pushed facts and a warning band', () => {
  it('passes at or above the pass threshold', () => {
    const card = evaluateEntity(pack, facts({ coverage: fact(85) }), {
      now: NOW,
    });
    expect(card.results[0]).toMatchObject({
      state: 'pass',
      evidence: [{ label: 'pushed.coverage', value: '85' }],
    });
    expect(card.level).toBe('bronze');
  });

  it('warns in the band, explains it, and does not reach the level', () => {
    const card = evaluateEntity(pack, facts({ coverage: fact(72) }), {
      now: NOW,
    });
    expect(card.results[0]).toMatchObject({
      state: 'warn',
      reason:
        'Coverage is below 80% (in the warning band: pushed.coverage is 72)',
    });
    expect(card.level).toBeUndefined();
    expect(card.nextLevel).toBe('bronze');
    expect(card.blockingCheckIds).toEqual(['quality.coverage']);
    expect(card.score).toBe(0);
    expect(card.categories[0]).toMatchObject({ passed: 0, failed: 1 });
  });

  it('fails below the band', () => {
    const card = evaluateEntity(pack, facts({ coverage: fact(40) }), {
      now: NOW,
    });
    expect(card.results[0]).toMatchObject({
      state: 'fail',
      reason: 'Coverage is below 60%',
    });
  });

  it('marks a warning without its own message as a warning of the fail message', () => {
    const plain = compileCheckPack(
      createCheckPack({
        checks: [
          {
            ...coverage,
            messages: { pass: 'ok', fail: 'Coverage too low' },
          },
        ],
      }),
    );
    const card = evaluateEntity(plain, facts({ coverage: fact(60) }), {
      now: NOW,
    });
    expect(card.results[0].reason).toBe(
      'Warning: Coverage too low (in the warning band: pushed.coverage is 60)',
    );
  });

  it('is unknown with "stale since" when the pushed fact is stale', () => {
    const card = evaluateEntity(pack, facts({ coverage: fact(95, true) }), {
      now: NOW,
    });
    expect(card.results[0]).toMatchObject({
      state: 'unknown',
      reason:
        'Pushed fact coverage is stale since 2026-02-28T10:00:00.000Z, observed 2026-02-27T10:00:00.000Z',
    });
  });

  it('fails when nothing was pushed, and says when no provider fills the namespace', () => {
    expect(evaluateEntity(pack, facts({}), { now: NOW }).results[0].state).toBe(
      'fail',
    );
    const offline = evaluateEntity(pack, facts(undefined), { now: NOW });
    expect(offline.results[0]).toMatchObject({ state: 'fail' });
    expect(offline.results[0].reason).toContain(
      'pushed facts are not collected in this installation',
    );
  });

  it('refuses a warning band on a code rule', () => {
    expect(() =>
      compileCheckPack(
        createCheckPack({
          checks: [{ ...coverage, rule: () => ({ state: 'pass' }) }],
        }),
      ),
    ).toThrow(/warn.*declarative rule/);
  });
});
