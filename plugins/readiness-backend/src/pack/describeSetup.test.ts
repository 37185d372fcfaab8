import {
  createCheckPack,
  toCheckInfo,
} from '@prodready/plugin-readiness-common';
import { UnreadLocalPaths } from '../facts/UnreadLocalPaths';
import { describeSetup } from './describeSetup';

const checks = createCheckPack().checks.map(toCheckInfo);

describe('describeSetup', () => {
  it('lists metrics, with the checks that read them and how to configure them, when no provider fills them', () => {
    const setup = describeSetup(checks, [
      'entity',
      'owner',
      'repository',
      'pushed',
      'attestations',
    ]);
    const metrics = setup.missing.find(m => m.namespace === 'metrics');
    expect(metrics?.checkIds).toEqual(
      expect.arrayContaining([
        'monitoring.latency',
        'monitoring.traffic',
        'monitoring.errors',
        'monitoring.saturation',
      ]),
    );
    expect(metrics?.checkIds).not.toContain('runbook.runbook');
    expect(metrics?.howTo).toMatch(/readiness\.prometheus\.baseUrl/);
    expect(setup.missing.map(m => m.namespace)).not.toContain('repository');
  });

  it('is empty when every namespace the checks read is filled, and names an unknown one generically', () => {
    const all = new Set(
      checks.flatMap(c => [...c.requires, ...(c.optional ?? [])]),
    );
    expect(describeSetup(checks, [...all]).missing).toEqual([]);
    const custom = describeSetup(
      [{ ...checks[0], id: 'security.sbom', requires: ['security'] }],
      [],
    );
    expect(custom.missing).toEqual([
      {
        namespace: 'security',
        checkIds: ['security.sbom'],
        howTo: expect.stringContaining('`security` facts'),
      },
    ]);
  });

  it('says once how many entities have a local path the backend does not read, with the key to set and the checks that read the repository', () => {
    const namespaces = ['entity', 'owner', 'repository', 'pushed'];
    const unread = new UnreadLocalPaths(false);
    expect(
      describeSetup(checks, namespaces, unread).localPaths,
    ).toBeUndefined();
    unread.record('component:default/a', '/srv/repos/a');
    unread.record('component:default/b', '/srv/repos/b');
    const { localPaths } = describeSetup(checks, namespaces, unread);
    expect(localPaths).toMatchObject({
      entityCount: 2,
      examplePath: '/srv/repos/a',
      configKey: 'readiness.repository.allowLocalPaths',
    });
    expect(localPaths?.checkIds).toContain('runbook.runbook');
    expect(localPaths?.checkIds).not.toContain('ownership.tier');
    // Without a repository provider the namespace is missing instead.
    expect(
      describeSetup(checks, ['entity', 'owner'], unread).localPaths,
    ).toBeUndefined();
  });
});
