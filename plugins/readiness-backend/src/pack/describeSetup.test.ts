import {
  createCheckPack,
  toCheckInfo,
} from '@prodready/plugin-readiness-common';
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
});
