import { defaultLevels } from '../pack/defaultLevels';
import { summarizePackChange } from './summarizePackChange';

describe('summarizePackChange', () => {
  const outcomes = [
    {
      entityRef: 'component:default/a',
      owner: 'group:default/x',
      from: 'silver',
      to: 'bronze',
    },
    {
      entityRef: 'component:default/b',
      owner: 'group:default/x',
      from: 'silver',
      to: 'bronze',
    },
    {
      entityRef: 'component:default/c',
      owner: 'group:default/y',
      from: 'bronze',
      to: 'gold',
    },
    {
      entityRef: 'component:default/d',
      owner: 'group:default/y',
      from: 'gold',
      to: 'gold',
    },
    { entityRef: 'component:default/e', from: 'bronze' },
    {
      entityRef: 'component:default/f',
      owner: 'group:default/y',
      from: 'gold',
      undetermined: 'Depends on x',
    },
  ];

  it('counts level changes by direction, per level pair and per team', () => {
    const preview = summarizePackChange(outcomes, {
      base: { levels: defaultLevels },
      proposed: { levels: defaultLevels },
      notificationsEnabled: true,
    });
    expect(preview).toMatchObject({ entities: 6, changed: 4, up: 1, down: 3 });
    expect(preview.transitions).toEqual([
      { from: 'silver', to: 'bronze', direction: 'down', entities: 2 },
      { from: 'bronze', direction: 'down', entities: 1 },
      { from: 'bronze', to: 'gold', direction: 'up', entities: 1 },
    ]);
    expect(preview.teams).toEqual([
      { owner: 'group:default/x', up: 0, down: 2, undetermined: 0 },
      { owner: 'group:default/y', up: 1, down: 0, undetermined: 1 },
      { up: 0, down: 1, undetermined: 0 },
    ]);
    expect(preview.changes.map(c => c.entityRef)).toEqual([
      'component:default/a',
      'component:default/b',
      'component:default/c',
      'component:default/e',
    ]);
    expect(preview.undetermined).toEqual([
      {
        entityRef: 'component:default/f',
        owner: 'group:default/y',
        from: 'gold',
        reason: 'Depends on x',
      },
    ]);
    expect(preview.notifications).toEqual({
      enabled: true,
      owners: ['group:default/x', 'group:default/y'],
    });
  });

  it('notifies nobody when notifications are off', () => {
    const preview = summarizePackChange(outcomes, {
      base: { levels: defaultLevels },
      proposed: { levels: defaultLevels },
      notificationsEnabled: false,
    });
    expect(preview.notifications).toEqual({ enabled: false, owners: [] });
  });

  it('moves nobody when a level is only renamed', () => {
    const preview = summarizePackChange(
      [{ entityRef: 'component:default/a', from: 'gold', to: 'platinum' }],
      {
        base: { levels: defaultLevels },
        proposed: {
          levels: [
            ...defaultLevels.slice(0, 2),
            { id: 'platinum', title: 'Platinum' },
          ],
        },
        notificationsEnabled: true,
      },
    );
    expect(preview.changed).toBe(0);
  });
});
