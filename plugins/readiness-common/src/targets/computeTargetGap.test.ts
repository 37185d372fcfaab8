import { computeTargetGap, type TargetPackView } from './computeTargetGap';

const pack: TargetPackView = {
  levelIds: ['bronze', 'silver', 'gold'],
  checkLevel: id =>
    ({ 'b.one': 'bronze', 's.one': 'silver', 'g.one': 'gold' }[id]),
};
const targets = { 'tier-1': 'gold', 'tier-2': 'silver' };

describe('computeTargetGap', () => {
  it('counts levels to go from the level reached and lists the checks in the way', () => {
    const gap = computeTargetGap(
      pack,
      targets,
      { tier: 'tier-1', level: 'bronze' },
      [
        { checkId: 'b.one', state: 'pass' },
        { checkId: 's.one', state: 'fail' },
        { checkId: 'g.one', state: 'unknown' },
      ],
    );
    expect(gap).toEqual({
      level: 'gold',
      tier: 'tier-1',
      levelsToGo: 2,
      blockingCheckIds: ['s.one', 'g.one'],
    });
  });

  it('counts every level when none is reached', () => {
    expect(
      computeTargetGap(pack, targets, { tier: 'tier-2' })?.levelsToGo,
    ).toBe(2);
  });

  it('leaves out checks above the target and unknowns nobody can decide', () => {
    const gap = computeTargetGap(pack, targets, { tier: 'tier-2' }, [
      { checkId: 'b.one', state: 'unknown', notConfigured: true },
      { checkId: 's.one', state: 'warn' },
      { checkId: 'g.one', state: 'fail' },
    ]);
    expect(gap?.blockingCheckIds).toEqual(['s.one']);
  });

  it('reports a met target with nothing in the way', () => {
    expect(
      computeTargetGap(pack, targets, { tier: 'tier-2', level: 'gold' }, [
        { checkId: 'g.one', state: 'fail' },
      ]),
    ).toEqual({
      level: 'silver',
      tier: 'tier-2',
      levelsToGo: 0,
      blockingCheckIds: [],
    });
  });

  it('gives no target without a tier, for an untargeted tier, or without an applicable level', () => {
    expect(
      computeTargetGap(pack, targets, { level: 'bronze' }),
    ).toBeUndefined();
    expect(computeTargetGap(pack, targets, { tier: 'tier-3' })).toBeUndefined();
    expect(
      computeTargetGap(pack, targets, {
        tier: 'tier-1',
        levelApplicable: false,
      }),
    ).toBeUndefined();
  });
});
