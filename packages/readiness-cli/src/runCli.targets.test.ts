import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runCliForTest } from './__testUtils__/runCliForTest';

const CATALOG = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: payments
  annotations:
    example.com/tier: '1'
spec:
  type: service
  lifecycle: production
  owner: team-a
`;

/** Targets by tier, read from `--config` the way the backend reads them. */
describe('readiness score targets', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'readiness-targets-'));
    await fs.writeFile(path.join(dir, 'catalog-info.yaml'), CATALOG);
    await fs.writeFile(
      path.join(dir, 'silver.yaml'),
      'readiness:\n  targets:\n    byTier:\n      tier-1: silver\n',
    );
    await fs.writeFile(
      path.join(dir, 'bad.yaml'),
      'readiness:\n  targets:\n    byTier:\n      tier-1: platinum\n',
    );
  });

  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  const run = (...args: string[]) =>
    runCliForTest(['score', 'catalog-info.yaml', '--no-repo', ...args], {
      cwd: dir,
    });

  it('shows a tier-1 service its gold target by default, in every format', async () => {
    const json = JSON.parse((await run('--format', 'json')).stdout);
    expect(json.entities[0].target).toMatchObject({
      level: 'gold',
      tier: 'tier-1',
      levelsToGo: expect.any(Number),
    });
    expect(json.entities[0].target.levelsToGo).toBeGreaterThan(0);
    expect(json.entities[0].target.blockingCheckIds.length).toBeGreaterThan(0);
    const table = (await run()).stdout;
    expect(table).toMatch(/; target gold \(tier-1\): \d levels? to go/);
    const markdown = (await run('--format', 'markdown')).stdout;
    expect(markdown).toMatch(/target gold \(tier-1\)/);
  });

  it('reads readiness.targets.byTier from --config', async () => {
    const json = JSON.parse(
      (await run('--format', 'json', '--config', 'silver.yaml')).stdout,
    );
    expect(json.entities[0].target.level).toBe('silver');
  });

  it('refuses a target that is not a level, naming the key and the value', async () => {
    const result = await run('--config', 'bad.yaml');
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain(
      'readiness.targets.byTier.tier-1: "platinum"',
    );
  });
});
