import { defaultChecks } from './defaultChecks';
import { toCheckInfo } from './toCheckInfo';

describe('toCheckInfo', () => {
  const ci = defaultChecks.find(check => check.id === 'delivery.ci')!;

  it('gives the minimum evidence strength, declared when the check sets none', () => {
    expect(ci.minStrength).toBeUndefined();
    expect(toCheckInfo(ci).minStrength).toBe('declared');
    expect(toCheckInfo({ ...ci, minStrength: 'observed' }).minStrength).toBe(
      'observed',
    );
  });

  it('leaves the rule out', () => {
    expect(toCheckInfo(ci)).not.toHaveProperty('rule');
  });
});
