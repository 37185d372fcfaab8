import fs from 'node:fs/promises';
import { createCheckPack } from '@prodready/plugin-readiness-common';
import { fixturePack } from './__fixtures__/fixturePack';
import { createFixtureRepository } from './__testUtils__/createFixtureRepository';
import { expectGolden } from './__testUtils__/expectGolden';
import { runCliForTest } from './__testUtils__/runCliForTest';

/** The golden pack with its runbook check advisory (being rolled out). */
const advisoryPack = createCheckPack({
  levels: fixturePack.levels,
  checks: fixturePack.checks.map(check =>
    check.id === 'runbook.linked' ? { ...check, advisory: true } : check,
  ),
});

describe('readiness score with an advisory check', () => {
  let repo: string;

  beforeAll(async () => {
    repo = await createFixtureRepository();
  });

  afterAll(async () => {
    await fs.rm(repo, { recursive: true, force: true });
  });

  const run = (args: string[]) =>
    runCliForTest(args, { cwd: repo, pack: advisoryPack });

  it('shows it as advisory in the table, the markdown and the check list', async () => {
    const table = await run(['score']);
    expectGolden('score.advisory.table.golden', table.stdout);
    const markdown = await run(['score', '--format', 'markdown']);
    expectGolden('score.advisory.markdown.golden', markdown.stdout);
    const checks = await run(['checks']);
    expect(checks.stdout).toMatch(/runbook\.linked +bronze \(advisory\)/);
  });

  it('marks it in JSON and reports it as a SARIF note', async () => {
    const json = JSON.parse((await run(['score', '--format', 'json'])).stdout);
    const ledger = json.entities.find(
      (e: { entityRef: string }) => e.entityRef === 'component:default/ledger',
    );
    expect(
      ledger.results.find(
        (r: { checkId: string }) => r.checkId === 'runbook.linked',
      ),
    ).toMatchObject({ advisory: true, state: 'fail' });
    const sarif = JSON.parse(
      (await run(['score', '--format', 'sarif'])).stdout,
    );
    const rule = sarif.runs[0].tool.driver.rules.find(
      (r: { id: string }) => r.id === 'runbook.linked',
    );
    expect(rule.defaultConfiguration.level).toBe('note');
    expect(rule.properties).toMatchObject({ advisory: true });
  });

  it('ignores it in --min-level, but not when --fail-on names it', async () => {
    const gate = await run(['score', '--min-level', 'bronze']);
    expect(gate.stdout).toContain(
      'component:default/ledger: below bronze: failing delivery.ci',
    );
    expect(gate.stdout).not.toContain('failing delivery.ci, runbook.linked');
    const failOn = await run(['score', '--fail-on', 'runbook.linked']);
    expect(failOn.code).toBe(1);
  });
});
