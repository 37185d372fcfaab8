import path from 'node:path';
import { runCliForTest } from '../__testUtils__/runCliForTest';

/**
 * The real default pack on the example organisation of this repository
 * (examples/catalog, whose components point at examples/repos with `dir:`
 * source locations).
 */
describe('scoring the example organisation with the default pack', () => {
  const root = path.resolve(__dirname, '../../../..');

  interface JsonEntity {
    entityRef: string;
    level?: string;
    results: Array<{
      checkId: string;
      state: string;
      reason: string;
      evidence: Array<{ kind: string; label: string }>;
    }>;
  }

  let run: { code: number; stdout: string; stderr: string };
  let entities: JsonEntity[];

  beforeAll(async () => {
    run = await runCliForTest(
      ['score', 'examples/catalog/all.yaml', '--format', 'json'],
      { cwd: root },
    );
    entities = run.code === 0 ? JSON.parse(run.stdout).entities : [];
  });

  it('scores every entity but groups, users and locations', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(entities.length).toBeGreaterThan(0);
    expect(
      entities.filter(e => /^(group|user|location):/.test(e.entityRef)),
    ).toEqual([]);
  });

  it('resolves owners defined in the organisation files', () => {
    const defined = new Set(
      entities.map(e => e.entityRef).filter(ref => ref.startsWith('group:')),
    );
    const resolved = entities.flatMap(e =>
      e.results.filter(
        r => r.checkId === 'ownership.owner-resolves' && r.state === 'pass',
      ),
    );
    const unknownOwners = entities.flatMap(e =>
      e.results
        .filter(
          r =>
            r.checkId === 'ownership.owner-resolves' && r.state === 'unknown',
        )
        .map(r => /owner (\S+) is not in the given files/.exec(r.reason)?.[1]),
    );

    expect(resolved.length).toBeGreaterThan(0);
    for (const owner of unknownOwners) {
      expect(owner).toBeDefined();
      expect(defined.has(owner!)).toBe(false);
    }
  });

  it('reads each component repository from its dir: source location', () => {
    const fromFiles = entities.filter(e =>
      e.results.some(
        r =>
          r.checkId === 'delivery.ci' &&
          r.state === 'pass' &&
          r.evidence.some(ev => ev.kind === 'file'),
      ),
    );

    expect(fromFiles.length).toBeGreaterThan(0);
  });

  it('finds mixed readiness, and never fails a live-metrics check', () => {
    const levels = new Set(entities.map(e => e.level ?? 'none'));
    expect(levels.has('none')).toBe(true);
    expect(levels.size).toBeGreaterThan(1);

    const latency = entities.flatMap(e =>
      e.results.filter(r => r.checkId === 'monitoring.latency'),
    );
    expect(latency.every(r => r.state !== 'fail')).toBe(true);
  });
});
