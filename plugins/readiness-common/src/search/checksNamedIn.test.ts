import { defaultChecks } from '../pack';
import { checksNamedIn } from './checksNamedIn';

describe('checksNamedIn', () => {
  it.each([
    ['missing runbook', ['runbook.runbook'], ''],
    ['no playbook', ['runbook.runbook'], ''],
    ['payments without rollback', ['delivery.rollback'], 'payments'],
    ['Missing on-call alerts', ['monitoring.alerts'], ''],
    ['no pager, no revert', ['monitoring.alerts', 'delivery.rollback'], ''],
    ['checkout lacking an SLO', ['monitoring.slo'], 'checkout'],
  ])('reads "%s" as gaps %j with "%s" left', (text, checkIds, rest) => {
    expect(checksNamedIn(text, defaultChecks)).toEqual({ checkIds, rest });
  });

  it('reads no gap without a negation word, or when no check is named', () => {
    expect(checksNamedIn(' rollback-tool ', defaultChecks)).toEqual({
      checkIds: [],
      rest: 'rollback-tool',
    });
    expect(checksNamedIn('no such thing', defaultChecks)).toEqual({
      checkIds: [],
      rest: 'no such thing',
    });
  });
});
