import type { CheckPackResponse } from '@prodready/plugin-readiness-common';
import { noMatchMessage } from './noMatchMessage';

const pack = {
  levels: [
    { id: 'bronze', title: 'Bronze' },
    { id: 'silver', title: 'Silver' },
  ],
  categories: [],
  checks: [
    { id: 'delivery.rollback', title: 'Rollback documented' },
    { id: 'runbook.runbook', title: 'Runbook linked' },
  ],
} as unknown as CheckPackResponse;

describe('noMatchMessage', () => {
  it('reads a search for a gap that no one has as good news', () => {
    const message = noMatchMessage(
      { failing: ['delivery.rollback'], tier: ['tier-1'], kind: ['component'] },
      pack,
    );
    expect(message.goodNews).toBe(true);
    expect(message.title).toBe(
      'No tier-1 component lacks Rollback documented.',
    );
  });

  it('names several gaps and a level at most', () => {
    expect(
      noMatchMessage(
        {
          failing: ['delivery.rollback', 'runbook.runbook'],
          levelAtMost: 'bronze',
          owner: ['group:default/payments'],
        },
        pack,
      ).title,
    ).toBe(
      'No entity owned by group:default/payments lacks Rollback documented and Runbook linked and is at Bronze or lower.',
    );
  });

  it('suggests removing a filter when the search was not about gaps', () => {
    const message = noMatchMessage({ owner: ['group:default/x'] }, pack);
    expect(message.goodNews).toBe(false);
    expect(message.title).toBe('No entity matches');
  });
});
