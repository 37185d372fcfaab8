import {
  checkPack,
  checkoutScorecard,
  paymentsScorecard,
} from '../../__testUtils__/fixtures';
import { exemptedAtReachedLevel, levelProgress } from './levelProgress';

describe('levelProgress', () => {
  it('counts done checks up to the next level against the blockers', () => {
    const progress = levelProgress(checkoutScorecard, checkPack.levels)!;
    expect(progress.nextLevel).toBe('silver');
    // bronze: owner (pass), ci (pass), runbook (exempt); silver: 2 blockers.
    expect(progress.done).toBe(3);
    expect(progress.total).toBe(5);
    expect(progress.blockers.map(b => b.checkId)).toEqual([
      'monitoring.alerts',
      'tracing.instrumented',
    ]);
  });

  it('has no progress at the top level', () => {
    expect(levelProgress(paymentsScorecard, checkPack.levels)).toBeUndefined();
  });

  it('counts the exemptions a reached level rests on', () => {
    // checkout-api is Bronze with its Bronze runbook check exempted.
    expect(exemptedAtReachedLevel(checkoutScorecard, checkPack.levels)).toBe(1);
    expect(exemptedAtReachedLevel(paymentsScorecard, checkPack.levels)).toBe(0);
  });
});
