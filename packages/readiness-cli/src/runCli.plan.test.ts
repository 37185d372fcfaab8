import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createFixtureRepository,
  writeFixtureFile,
} from './__testUtils__/createFixtureRepository';
import { expectGolden } from './__testUtils__/expectGolden';
import { runCliForTest } from './__testUtils__/runCliForTest';

/** A proposed pack: runbooks advisory, four bronze checks moved to silver. */
const NEW_PACK = `readiness:
  notifications:
    enabled: true
  checks:
    - id: runbook.runbook
      advisory: true
    - id: delivery.ci
      level: silver
    - id: ownership.system
      level: silver
    - id: ownership.tier
      level: silver
    - id: logging.logs
      level: silver
`;

describe('readiness plan', () => {
  let repo: string;

  beforeAll(async () => {
    repo = await createFixtureRepository();
    await writeFixtureFile(repo, 'new-app-config.yaml', NEW_PACK);
    // The current pack is already the proposed one.
    await writeFixtureFile(repo, 'old-app-config.yaml', NEW_PACK);
  });

  afterAll(async () => {
    await fs.rm(repo, { recursive: true, force: true });
  });

  // The real packs of the config files: no loadPack hook.
  const run = (args: string[], env?: Record<string, string>) =>
    runCliForTest(['plan', ...args], { cwd: repo, env });
  const offline = ['--pack', 'new-app-config.yaml', '--no-repo'];

  it('prints the level changes by pair, team and entity, and whom it would notify', async () => {
    const { code, stdout, stderr } = await run(offline);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expectGolden('plan.table.golden', stdout);
  });

  it('prints markdown and JSON of the same preview', async () => {
    const markdown = await run([...offline, '--format', 'markdown']);
    expectGolden('plan.markdown.golden', markdown.stdout);
    const json = await run([...offline, '--format', 'json']);
    const preview = JSON.parse(json.stdout);
    expect(preview).toMatchObject({ entities: 3, changed: 2, up: 2, down: 0 });
    expect(
      preview.changes.map((c: { entityRef: string }) => c.entityRef),
    ).toEqual(['component:default/ledger', 'component:default/payments-api']);
    expect(preview.notifications).toEqual({
      enabled: true,
      owners: ['group:default/team-payments'],
    });
  });

  it('compares with --base instead of the default pack', async () => {
    const withBase = await run([
      ...offline,
      '--base',
      'old-app-config.yaml',
      '--format',
      'json',
    ]);
    const preview = JSON.parse(withBase.stdout);
    expect(preview).toMatchObject({ entities: 3, changed: 0, changes: [] });
  });

  it('names the config path and value of an invalid proposed pack', async () => {
    await writeFixtureFile(
      repo,
      'bad.yaml',
      'readiness:\n  checks:\n    - id: delivery.ci\n      level: platinum\n',
    );
    const { code, stderr } = await run(['--pack', 'bad.yaml', '--no-repo']);
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /^readiness: bad\.yaml: readiness\.checks\[0\]\.level: unknown level; the levels are bronze, silver, gold.*platinum/,
    );
  });

  it('refuses --base and catalog files with --backend, and an unknown format', async () => {
    const base = await run([
      '--pack',
      'new-app-config.yaml',
      '--base',
      'old-app-config.yaml',
      '--backend',
      'http://127.0.0.1:1',
    ]);
    expect(base.code).toBe(2);
    expect(base.stderr).toMatch(/--base is not used with --backend/);
    const format = await run([...offline, '--format', 'sarif']);
    expect(format.code).toBe(2);
    expect(format.stderr).toMatch(/Unknown format "sarif" for --format/);
  });

  describe('with --backend', () => {
    let server: http.Server;
    let backend: string;
    const requests: Array<{ method?: string; auth?: string; body: unknown }> =
      [];

    beforeAll(async () => {
      server = http.createServer((req, res) => {
        let text = '';
        req.on('data', chunk => {
          text += chunk;
        });
        req.on('end', () => {
          requests.push({
            method: req.method,
            auth: req.headers.authorization,
            body: text ? JSON.parse(text) : undefined,
          });
          res.writeHead(200, { 'Content-Type': 'application/json' });
          res.end(
            JSON.stringify({
              entities: 1,
              changed: 1,
              up: 0,
              down: 1,
              transitions: [{ from: 'bronze', direction: 'down', entities: 1 }],
              teams: [
                { owner: 'group:default/a', up: 0, down: 1, undetermined: 0 },
              ],
              changes: [
                {
                  entityRef: 'component:default/x',
                  owner: 'group:default/a',
                  from: 'bronze',
                  direction: 'down',
                },
              ],
              undetermined: [],
              unevaluatedChecks: [],
              notifications: { enabled: false, owners: [] },
            }),
          );
        });
      });
      await new Promise<void>(resolve =>
        server.listen(0, '127.0.0.1', resolve),
      );
      backend = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });

    afterAll(async () => {
      await new Promise(resolve => server.close(resolve));
    });

    it('posts the proposed readiness.checks with the token and prints the answer', async () => {
      const { code, stdout } = await run(
        ['--pack', 'new-app-config.yaml', '--backend', backend],
        { READINESS_TOKEN: 'ci-token' },
      );
      expect(code).toBe(0);
      expect(requests).toEqual([
        {
          method: 'POST',
          auth: 'Bearer ci-token',
          body: {
            checks: [
              { id: 'runbook.runbook', advisory: true },
              { id: 'delivery.ci', level: 'silver' },
              { id: 'ownership.system', level: 'silver' },
              { id: 'ownership.tier', level: 'silver' },
              { id: 'logging.logs', level: 'silver' },
            ],
          },
        },
      ]);
      expect(stdout).toContain(
        '1 of 1 entity would change level: 0 up, 1 down.',
      );
      expect(stdout).toContain(
        'Notifications: off (readiness.notifications.enabled), nobody would be notified.',
      );
    });
  });
});
