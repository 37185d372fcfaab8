import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fixturePack } from './__fixtures__/fixturePack';
import { createFixtureRepository } from './__testUtils__/createFixtureRepository';
import { runCliForTest } from './__testUtils__/runCliForTest';

/** The ratchet: fail only on regressions since a baseline. */
describe('readiness score with a baseline', () => {
  let repo: string;
  let original: string;

  const git = (...args: string[]) =>
    execFileSync(
      'git',
      ['-c', 'user.email=ci@example.com', '-c', 'user.name=CI', ...args],
      { cwd: repo, stdio: 'pipe' },
    );
  const run = (args: string[]) =>
    runCliForTest(args, { cwd: repo, pack: fixturePack });
  const REGRESSION: [string, string] = [
    '    - url: https://grafana.example.com/d/payments\n      title: Dashboard\n      type: dashboard\n',
    '',
  ];
  const IMPROVEMENT: [string, string] = [
    '  name: ledger\n',
    '  name: ledger\n  links:\n    - url: https://runbooks.example.com/ledger\n      title: Runbook\n      type: runbook\n',
  ];
  const edit = (...changes: Array<[string, string]>) =>
    fs.writeFile(
      path.join(repo, 'catalog-info.yaml'),
      changes.reduce((text, [from, to]) => text.replace(from, to), original),
    );
  const regress = () => edit(REGRESSION);
  const improve = () => edit(IMPROVEMENT);

  beforeAll(async () => {
    repo = await createFixtureRepository();
    await fs.rm(path.join(repo, '.git'), { recursive: true });
    git('init', '--quiet');
    git('add', '-A');
    git('commit', '--quiet', '-m', 'baseline');
    original = await fs.readFile(path.join(repo, 'catalog-info.yaml'), 'utf8');
    const baseline = await run(['score', '--format', 'json']);
    await fs.writeFile(
      path.join(repo, '..', `${path.basename(repo)}.json`),
      baseline.stdout,
    );
  });

  afterAll(async () => {
    await fs.rm(repo, { recursive: true, force: true });
    await fs.rm(`${repo}.json`, { force: true });
  });

  afterEach(async () => {
    await fs.writeFile(path.join(repo, 'catalog-info.yaml'), original);
  });

  const baselineFile = () => `../${path.basename(repo)}.json`;

  it('passes when nothing changed', async () => {
    const { code, stdout } = await run(['score', '--baseline', baselineFile()]);
    expect(code).toBe(0);
    expect(stdout).toContain(
      `Since ${baselineFile()}: 0 regressions, 0 improvements`,
    );
  });

  it('fails on a check that regressed, even with an improvement elsewhere', async () => {
    // payments-api loses its dashboard link; ledger gains a runbook.
    await edit(REGRESSION, IMPROVEMENT);
    const { code, stdout } = await run(['score', '--baseline', baselineFile()]);
    expect(code).toBe(1);
    expect(stdout).toContain(
      'regressed: component:default/payments-api: monitoring.dashboard pass → fail',
    );
    expect(stdout).toContain(
      'regressed: component:default/payments-api: level silver → bronze',
    );
  });

  it('passes on an improvement, with a baseline from a git ref', async () => {
    await improve();
    const { code, stdout, stderr } = await run([
      'score',
      '--baseline-ref',
      'HEAD',
      '--format',
      'markdown',
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain(
      '### ✅ Since git ref HEAD: 0 regressions, 1 improvement',
    );
    expect(stdout).toContain(
      'component:default/ledger: runbook.linked fail → pass',
    );
    // The temporary checkout is gone.
    expect(git('worktree', 'list').toString().trim().split('\n')).toHaveLength(
      1,
    );
  });

  it('fails on a regression against a git ref, with SARIF baseline states', async () => {
    await regress();
    const { code, stdout } = await run([
      'score',
      '--baseline-ref',
      'HEAD',
      '--format',
      'sarif',
    ]);
    expect(code).toBe(1);
    const results = JSON.parse(stdout).runs[0].results;
    expect(
      results.find(
        (r: { ruleId: string; message: { text: string } }) =>
          r.ruleId === 'monitoring.dashboard' &&
          r.message.text.startsWith('component:default/payments-api'),
      ).baselineState,
    ).toBe('new');
    expect(
      results.every((r: { baselineState?: string }) => r.baselineState),
    ).toBe(true);
  });

  it('reports an unknown ref and a bad baseline file as bad input', async () => {
    const ref = await run(['score', '--baseline-ref', 'no-such-ref']);
    expect(ref.code).toBe(2);
    expect(ref.stderr).toBe(
      'readiness: Unknown git ref "no-such-ref" for --baseline-ref (fetch it first, e.g. git fetch origin main)\n',
    );
    const file = await run(['score', '--baseline', 'catalog-info.yaml']);
    expect(file.code).toBe(2);
    expect(file.stderr).toMatch(
      /^readiness: --baseline catalog-info\.yaml is not JSON/,
    );
  });
});
