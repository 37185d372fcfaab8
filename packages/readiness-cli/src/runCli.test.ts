import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fixturePack } from './__fixtures__/fixturePack';
import { createFixtureRepository } from './__testUtils__/createFixtureRepository';
import { expectGolden } from './__testUtils__/expectGolden';
import { runCliForTest } from './__testUtils__/runCliForTest';

describe('readiness score', () => {
  let repo: string;

  beforeAll(async () => {
    repo = await createFixtureRepository();
  });

  afterAll(async () => {
    await fs.rm(repo, { recursive: true, force: true });
  });

  const run = (args: string[], env?: Record<string, string>) =>
    runCliForTest(args, { cwd: repo, pack: fixturePack, env });

  describe('formats (golden files)', () => {
    it('prints a table by default, from ./catalog-info.yaml and the current directory', async () => {
      const { code, stdout, stderr } = await run(['score']);

      expect(stderr).toBe('');
      expect(code).toBe(0);
      expect(stdout).not.toContain('\u001b[');
      expectGolden('score.table.golden', stdout);
    });

    it('colours the state words when FORCE_COLOR is set, keeping the words and the alignment', async () => {
      const { stdout } = await run(['score'], { FORCE_COLOR: '1' });
      const plain = await run(['score']);

      expect(stdout).toContain('\u001b[31mfail\u001b[0m');
      // eslint-disable-next-line no-control-regex
      expect(stdout.replace(/\u001b\[\d+m/g, '')).toBe(plain.stdout);
      expectGolden('score.table-color.golden', stdout);
    });

    it('does not colour when NO_COLOR is set, even with FORCE_COLOR', async () => {
      const { stdout } = await run(['score'], {
        FORCE_COLOR: '1',
        NO_COLOR: '1',
      });

      expect(stdout).not.toContain('\u001b[');
    });

    it('prints JSON', async () => {
      const { code, stdout } = await run(['score', '--format', 'json']);

      expect(code).toBe(0);
      const parsed = JSON.parse(stdout);
      expect(
        parsed.entities.map((e: { entityRef: string }) => e.entityRef),
      ).toEqual([
        'component:default/payments-api',
        'component:default/ledger',
        'component:default/search-api',
      ]);
      expectGolden('score.json.golden', stdout);
    });

    it('prints markdown for a pull-request comment', async () => {
      const { code, stdout } = await run([
        'score',
        '--format',
        'markdown',
        '--min-level',
        'bronze',
      ]);

      expect(code).toBe(1);
      expect(stdout).toContain('<details>');
      expect(stdout).toContain(
        '| Payments API \\| cards (`component:default/payments-api`) |',
      );
      expectGolden('score.markdown.golden', stdout);
    });

    it('prints SARIF 2.1.0 with one rule per check and results at the entity lines', async () => {
      const { code, stdout } = await run(['score', '--format', 'sarif']);

      expect(code).toBe(0);
      const sarif = JSON.parse(stdout);
      expect(sarif.version).toBe('2.1.0');
      const run0 = sarif.runs[0];
      expect(run0.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(
        fixturePack.checks.map(c => c.id),
      );
      const ledgerRunbook = run0.results.find(
        (r: { ruleId: string; message: { text: string } }) =>
          r.ruleId === 'runbook.linked' &&
          r.message.text.startsWith('component:default/ledger'),
      );
      expect(ledgerRunbook.locations[0].physicalLocation).toEqual({
        artifactLocation: { uri: 'catalog-info.yaml' },
        region: { startLine: 48, startColumn: 1 },
      });
      // unknown results are not reported
      expect(
        run0.results.filter(
          (r: { ruleId: string }) => r.ruleId === 'monitoring.latency',
        ),
      ).toEqual([]);
      // Written compact; compared indented, for readable diffs.
      expect(stdout.split('\n').length).toBe(2);
      expectGolden('score.sarif.golden', `${JSON.stringify(sarif, null, 2)}\n`);
    });

    it('prints the gate and its failures', async () => {
      const { code, stdout } = await run([
        'score',
        '--min-level',
        'bronze',
        '--fail-on',
        'delivery.rollback',
      ]);

      expect(code).toBe(1);
      expectGolden('score.gate.golden', stdout);
    });

    it('explains a check', async () => {
      const { code, stdout } = await run([
        'score',
        '--explain',
        'runbook.linked',
      ]);

      expect(code).toBe(0);
      expectGolden('explain.golden', stdout);

      const command = await run(['explain', 'runbook.linked']);
      expect(command).toEqual({ code: 0, stdout, stderr: '' });

      const unknown = await run(['explain', 'linked']);
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toBe(
        'readiness: Unknown check id "linked" in readiness explain; did you mean runbook.linked?\n',
      );
    });

    it('lists the checks', async () => {
      const { code, stdout } = await run(['checks']);

      expect(code).toBe(0);
      expectGolden('checks.golden', stdout);
    });
  });

  describe('exit codes', () => {
    it.each([
      [['score'], 0],
      [['score', '--min-level', 'bronze'], 1],
      [['score', 'payments-only.yaml', '--min-level', 'bronze'], 0],
      [['score', 'payments-only.yaml', '--min-level', 'silver'], 0],
      // gold is held back only by an unknown check: it fails with --strict
      [['score', 'payments-only.yaml', '--min-level', 'gold'], 0],
      [['score', 'payments-only.yaml', '--min-level', 'gold', '--strict'], 1],
      [['score', 'payments-only.yaml', '--fail-on', 'delivery.rollback'], 0],
      [['score', '--fail-on', 'delivery.rollback'], 1],
      [['score', '--fail-on', 'monitoring.latency'], 0],
      [['score', '--fail-on', 'ownership.owner,runbook.linked'], 1],
      [['score', '--explain', 'delivery.ci'], 0],
      [['--help'], 0],
      [['--version'], 0],
    ])('readiness %j exits with %i', async (args, expected) => {
      const { code } = await run(args);

      expect(code).toBe(expected);
    });

    it('names the failing checks of each entity below the bar', async () => {
      const { stdout } = await run(['score', '--min-level', 'bronze']);

      expect(stdout).toContain(
        'component:default/ledger: below bronze: failing delivery.ci, runbook.linked',
      );
      expect(stdout).not.toContain('component:default/search-api: below');
    });

    it('makes an owner that is not in the files unknown, and decides it with --context', async () => {
      const without = await run(['score', '--format', 'json']);
      const searchApi = JSON.parse(without.stdout).entities[2];
      expect(searchApi.results[0]).toMatchObject({
        checkId: 'ownership.owner',
        state: 'unknown',
      });
      expect(searchApi.results[0].reason).toContain(
        'owner group:default/team-search is not in the given files',
      );

      const withContext = await run([
        'score',
        '--format',
        'json',
        '--context',
        'search-team.yaml',
      ]);
      const decided = JSON.parse(withContext.stdout).entities[2];
      expect(decided.results[0]).toMatchObject({
        checkId: 'ownership.owner',
        state: 'pass',
      });
      // context entities are never scored
      expect(JSON.parse(withContext.stdout).entities).toHaveLength(3);
    });

    it('reads the repository of a local source location, and none with --no-repo', async () => {
      const { stdout } = await run(['score', '--format', 'json']);
      const [paymentsApi, ledger] = JSON.parse(stdout).entities;
      const ci = (e: { results: Array<{ checkId: string }> }) =>
        e.results.find(r => r.checkId === 'delivery.ci');
      expect(ci(paymentsApi)).toMatchObject({
        state: 'pass',
        evidence: [{ kind: 'file', label: '.github/workflows/ci.yml' }],
      });
      expect(ci(ledger)).toMatchObject({ state: 'fail' });

      const noRepo = await run(['score', '--no-repo', '--format', 'json']);
      const [noRepoEntity] = JSON.parse(noRepo.stdout).entities;
      // The fixture pack's code rule reads files without requiring them.
      expect(ci(noRepoEntity)).toMatchObject({ state: 'fail', evidence: [] });
      expect(noRepoEntity.repository).toEqual({
        reason: 'repository facts were turned off (--no-repo)',
      });
    });

    it('never reads the current directory by default: outside a git work tree, no repository facts', async () => {
      const outside = await fs.mkdtemp(
        path.join(os.tmpdir(), 'readiness-no-git-'),
      );
      try {
        await fs.copyFile(
          path.join(repo, 'payments-only.yaml'),
          path.join(outside, 'catalog-info.yaml'),
        );
        // Run from the fixture repository (which has CI and a runbook).
        const { stdout } = await run([
          'score',
          path.join(outside, 'catalog-info.yaml'),
          '--format',
          'json',
        ]);
        const [entity] = JSON.parse(stdout).entities;
        expect(entity.repository).toEqual({
          reason:
            'the catalog file is not inside a git work tree; pass --repo DIR to read a checkout',
        });
        expect(
          entity.results.find(
            (r: { checkId: string }) => r.checkId === 'delivery.ci',
          ),
        ).toMatchObject({ state: 'fail', evidence: [] });

        const withRepo = await run([
          'score',
          path.join(outside, 'catalog-info.yaml'),
          '--repo',
          '.',
          '--format',
          'json',
        ]);
        expect(JSON.parse(withRepo.stdout).entities[0].repository).toEqual({
          directory: '.',
          reason: '--repo',
        });
      } finally {
        await fs.rm(outside, { recursive: true, force: true });
      }
    });

    it('scores only the given kinds', async () => {
      const { stdout } = await run([
        'score',
        '--kind',
        'group',
        '--format',
        'json',
      ]);

      expect(
        JSON.parse(stdout).entities.map(
          (e: { entityRef: string }) => e.entityRef,
        ),
      ).toEqual(['group:default/team-payments']);
    });
  });
});
