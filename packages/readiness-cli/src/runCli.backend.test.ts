import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fixturePack } from './__fixtures__/fixturePack';
import { createFixtureRepository } from './__testUtils__/createFixtureRepository';
import { runCliForTest } from './__testUtils__/runCliForTest';

const TOKEN = 'ci-token';

const orders = {
  entityRef: 'component:default/orders',
  kind: 'Component',
  namespace: 'default',
  name: 'orders',
  owner: 'group:default/team-orders',
  score: 90,
  gaps: 0,
  evaluatedAt: '2026-01-01T00:00:00.000Z',
};
const ordersOwner = {
  ref: 'group:default/team-orders',
  displayName: 'Team Orders',
  contacts: [{ type: 'chat', label: '#orders' }],
};

/** A readiness backend double: the routes `--backend` uses. */
function handle(url: URL): { status: number; body: unknown } {
  const notFound = {
    status: 404,
    body: {
      error: { name: 'NotFoundError', message: 'not scored' },
      response: { statusCode: 404 },
    },
  };
  switch (url.pathname) {
    case '/api/readiness/entities/component/default/ledger':
      return {
        status: 200,
        body: {
          entity: { ...orders, entityRef: 'component:default/ledger' },
          blockingCheckIds: [],
          categories: [],
          history: [],
          trend: [],
          results: [
            {
              checkId: 'delivery.ci',
              state: 'fail',
              reason: 'No CI',
              evidence: [],
              learnFrom: [
                {
                  entity: orders,
                  owner: ordersOwner,
                  similarity: ['same system'],
                  evidence: [
                    {
                      kind: 'annotation',
                      label: 'buildkite.com/pipeline-slug',
                      value: 'acme/orders',
                      strength: 'declared',
                    },
                  ],
                },
              ],
            },
          ],
        },
      };
    case '/api/readiness/search':
      return url.searchParams.get('passing') === 'runbook.linked'
        ? { status: 200, body: { items: [orders], totalCount: 1 } }
        : { status: 200, body: { items: [], totalCount: 0 } };
    case '/api/readiness/entities/component/default/orders':
      return {
        status: 200,
        body: {
          entity: orders,
          owner: ordersOwner,
          blockingCheckIds: [],
          categories: [],
          history: [],
          trend: [],
          results: [
            {
              checkId: 'runbook.linked',
              state: 'pass',
              reason: 'Runbook linked',
              evidence: [
                {
                  kind: 'link',
                  label: 'runbook link "Orders runbook"',
                  value: 'type runbook',
                  url: 'https://runbooks.example.com/orders',
                },
              ],
            },
          ],
        },
      };
    default:
      return notFound;
  }
}

describe('readiness with --backend', () => {
  let repo: string;
  let server: http.Server;
  let backend: string;
  const authorizations = new Set<string | undefined>();

  beforeAll(async () => {
    repo = await createFixtureRepository();
    server = http.createServer((request, response) => {
      authorizations.add(request.headers.authorization);
      const { status, body } = handle(new URL(request.url ?? '/', 'http://x'));
      response.writeHead(status, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify(body));
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    backend = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise(resolve => server.close(resolve));
    await fs.rm(repo, { recursive: true, force: true });
  });

  const run = (args: string[]) =>
    runCliForTest(args, {
      cwd: repo,
      pack: fixturePack,
      env: { READINESS_TOKEN: TOKEN },
    });

  it('prints who passes each gap under it, with the evidence and contacts', async () => {
    const { code, stdout, stderr } = await run([
      'score',
      '--backend',
      backend,
      '--format',
      'markdown',
    ]);

    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain(
      '- `delivery.ci` (bronze): No CI workflow in the repository\n  - learn from `component:default/orders` (owner Team Orders: #orders): `annotation buildkite.com/pipeline-slug: acme/orders (declared)`',
    );
    expect(stdout).toContain(
      '- `runbook.linked` (bronze): No runbook link or runbook document\n  - learn from `component:default/orders` (owner Team Orders: #orders): `link runbook link "Orders runbook": type runbook`',
    );
    expect([...authorizations]).toEqual([`Bearer ${TOKEN}`]);

    const json = JSON.parse(
      (await run(['score', '--backend', backend, '--format', 'json'])).stdout,
    );
    const ledger = json.entities.find(
      (e: { entityRef: string }) => e.entityRef === 'component:default/ledger',
    );
    expect(
      ledger.results.find(
        (r: { checkId: string }) => r.checkId === 'delivery.ci',
      ).learnFrom[0].entity.entityRef,
    ).toBe('component:default/orders');
  });

  it('says once when the backend cannot be reached, and scores anyway', async () => {
    const { code, stdout, stderr } = await run([
      'score',
      '--backend',
      'http://127.0.0.1:9',
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain('component:default/ledger');
    expect(stderr).toMatch(
      /^readiness: could not ask http:\/\/127\.0\.0\.1:9 for exemplars: .+\n$/,
    );
  });

  it('fix --write copies the exemplar shape with placeholders that do not pass', async () => {
    const file = path.join(repo, 'catalog-info.yaml');
    const before = await fs.readFile(file, 'utf8');
    const { code, stdout } = await run([
      'fix',
      '--write',
      'catalog-info.yaml',
      '--check',
      'runbook.linked',
      '--entity',
      'component:default/ledger',
      '--backend',
      backend,
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain('added component:ledger: link of type runbook');
    const after = await fs.readFile(file, 'utf8');
    expect(after).toContain(
      '    - url: "fill-me:<FILL-ME: your URL, as component:default/orders\n        (https://runbooks.example.com/orders)>"\n      title: Orders runbook\n      type: runbook\n',
    );
    // Only the ledger document changed; the rest is byte for byte the same.
    const unchanged = before
      .split('---')
      .filter(d => !d.includes('name: ledger'));
    for (const document of unchanged) {
      expect(after).toContain(document);
    }

    // The placeholder passes no check of the default pack.
    const scored = JSON.parse(
      (await runCliForTest(['score', '--format', 'json'], { cwd: repo }))
        .stdout,
    );
    const ledger = scored.entities.find(
      (e: { entityRef: string }) => e.entityRef === 'component:default/ledger',
    );
    expect(
      ledger.results.find(
        (r: { checkId: string }) => r.checkId === 'runbook.runbook',
      ),
    ).toMatchObject({ state: 'fail', evidence: [] });
    await fs.writeFile(file, before);
  });
});
