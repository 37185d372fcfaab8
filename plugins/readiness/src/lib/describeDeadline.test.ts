import {
  daysUntil,
  describeDeadline,
  progressPercent,
} from './describeDeadline';

describe('campaign deadlines', () => {
  const now = new Date(2026, 11, 5, 23, 30);

  it('counts calendar days, whatever the hour', () => {
    expect(daysUntil('2026-12-05', now)).toBe(0);
    expect(daysUntil('2026-12-06', now)).toBe(1);
    expect(daysUntil('2027-01-04', now)).toBe(30);
    expect(daysUntil('2026-12-01', now)).toBe(-4);
  });

  it('says how many days are left or overdue', () => {
    expect(describeDeadline('2026-12-05', now)).toEqual({
      text: 'due today',
      overdue: false,
    });
    expect(describeDeadline('2026-12-06', now).text).toBe('1 day left');
    expect(describeDeadline('2026-12-15', now).text).toBe('10 days left');
    expect(describeDeadline('2026-12-04', now)).toEqual({
      text: '1 day overdue',
      overdue: true,
    });
    expect(describeDeadline('2026-11-30', now).text).toBe('5 days overdue');
  });

  it('gives progress as a whole percentage, 0 for an empty scope', () => {
    expect(progressPercent({ done: 1, entities: 3 })).toBe(33);
    expect(progressPercent({ done: 3, entities: 3 })).toBe(100);
    expect(progressPercent({ done: 0, entities: 0 })).toBe(0);
  });
});
