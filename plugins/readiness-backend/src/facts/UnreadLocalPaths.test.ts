import { UnreadLocalPaths } from './UnreadLocalPaths';

describe('UnreadLocalPaths', () => {
  it('counts each entity once, with the same example path on every call', () => {
    const unread = new UnreadLocalPaths(false);
    unread.record('component:default/b', '/srv/b');
    unread.record('component:default/a', '/srv/a');
    unread.record('component:default/b', '/srv/b');
    expect(unread.describe(['runbook.runbook'])).toMatchObject({
      entityCount: 2,
      examplePath: '/srv/a',
      configKey: 'readiness.repository.allowLocalPaths',
      checkIds: ['runbook.runbook'],
    });
  });

  it('forgets an entity scored without an unread local path, and says nothing when none is left', () => {
    const unread = new UnreadLocalPaths(true);
    unread.record('component:default/a', '/elsewhere/a');
    expect(unread.describe([])?.configKey).toBe(
      'readiness.repository.localRoots',
    );
    unread.forget('component:default/a');
    unread.forget('component:default/never-recorded');
    expect(unread.describe([])).toBeUndefined();
  });
});
