import { fixturePack } from '../__fixtures__/fixturePack';
import {
  evaluateGate,
  levelIfUnknownPass,
  validateGateOptions,
} from './evaluateGate';
import { scoredEntity as scored } from '../__testUtils__/scoredEntity';

const allBronzePass = {
  'ownership.owner': 'pass',
  'delivery.ci': 'pass',
  'runbook.linked': 'pass',
} as const;

describe('evaluateGate', () => {
  it('fails an entity with a failing check at or below the level only', () => {
    const silverGap = scored(
      'a',
      {
        ...allBronzePass,
        'delivery.rollback': 'fail',
      },
      'bronze',
    );

    expect(
      evaluateGate(fixturePack, [silverGap], { minLevel: 'bronze' }).passed,
    ).toBe(true);
    expect(
      evaluateGate(fixturePack, [silverGap], { minLevel: 'silver' }),
    ).toEqual({
      minLevel: 'silver',
      failOn: [],
      strict: false,
      passed: false,
      failures: [
        {
          entityRef: 'component:default/a',
          reason: 'below silver: failing delivery.rollback',
        },
      ],
    });
  });

  it('lets unknown checks through unless strict', () => {
    const undecided = scored('b', {
      ...allBronzePass,
      'ownership.owner': 'unknown',
    });

    expect(
      evaluateGate(fixturePack, [undecided], { minLevel: 'bronze' }).passed,
    ).toBe(true);
    expect(
      evaluateGate(fixturePack, [undecided], {
        minLevel: 'bronze',
        strict: true,
      }).failures,
    ).toEqual([
      {
        entityRef: 'component:default/b',
        reason: 'below bronze (--strict): undecided ownership.owner',
      },
    ]);
  });

  it('fails on a --fail-on check only when it fails', () => {
    const entities = [
      scored('c', { 'delivery.rollback': 'fail' }),
      scored('d', { 'delivery.rollback': 'unknown' }),
      scored('e', { 'delivery.rollback': 'exempt' }),
    ];

    expect(
      evaluateGate(fixturePack, entities, { failOn: ['delivery.rollback'] })
        .failures,
    ).toEqual([
      {
        entityRef: 'component:default/c',
        checkId: 'delivery.rollback',
        reason: 'delivery.rollback fails: delivery.rollback is fail',
      },
    ]);
  });

  it('does not gate an entity to which no check applies, even when strict', () => {
    expect(
      evaluateGate(fixturePack, [scored('domain', {})], {
        minLevel: 'gold',
        strict: true,
      }).passed,
    ).toBe(true);
  });

  it('passes without a bar', () => {
    expect(
      evaluateGate(fixturePack, [scored('f', { 'delivery.ci': 'fail' })], {})
        .passed,
    ).toBe(true);
  });
});

describe('levelIfUnknownPass', () => {
  it('is the highest level without failing checks at or below it', () => {
    expect(
      levelIfUnknownPass(
        fixturePack,
        scored('g', {
          ...allBronzePass,
          'ownership.owner': 'unknown',
          'monitoring.dashboard': 'fail',
        }).scorecard,
      ),
    ).toBe('bronze');
    expect(
      levelIfUnknownPass(
        fixturePack,
        scored('h', { 'delivery.ci': 'fail' }).scorecard,
      ),
    ).toBeUndefined();
    expect(
      levelIfUnknownPass(
        fixturePack,
        scored('i', { 'monitoring.latency': 'unknown' }).scorecard,
      ),
    ).toBe('gold');
  });

  it("is the engine's level when nothing is unknown", () => {
    expect(levelIfUnknownPass(fixturePack, scored('j', {}).scorecard)).toBe(
      undefined,
    );
    expect(
      levelIfUnknownPass(
        fixturePack,
        scored('k', { 'delivery.ci': 'pass' }, 'silver').scorecard,
      ),
    ).toBe('silver');
  });
});

describe('validateGateOptions', () => {
  it('accepts the levels and checks of the pack', () => {
    expect(() =>
      validateGateOptions(fixturePack, {
        minLevel: 'gold',
        failOn: ['delivery.ci'],
      }),
    ).not.toThrow();
  });
});
