import { mockCredentials } from '@backstage/backend-test-utils';
import type {
  EntityScorecardResponse,
  SearchResponse,
} from '@prodready/plugin-readiness-common';
import request from 'supertest';
import type { Server } from 'node:http';
import {
  HIDDEN_REF,
  LIMITED_USER,
  RESTRICTED_USER,
} from '../__testUtils__/catalogFixtures';
import {
  startReadinessTestBackend,
  type ReadinessTestBackend,
} from '../__testUtils__/startReadinessTestBackend';

jest.setTimeout(60_000);

const USER = 'user:default/jane';
const userAuth = mockCredentials.user.header(USER);
const restrictedAuth = mockCredentials.user.header(RESTRICTED_USER);
const limitedAuth = mockCredentials.user.header(LIMITED_USER);

let backend: ReadinessTestBackend;
let server: Server;

beforeAll(async () => {
  backend = await startReadinessTestBackend();
  server = backend.server;
});

afterAll(async () => {
  await backend.stop();
});

const api = () => request(server);
const base = '/api/readiness';

describe('authentication', () => {
  it('answers /health without credentials', async () => {
    const res = await api().get(`${base}/health`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'ok',
      database: { status: 'ok', latencyMs: expect.any(Number) },
      lastRun: { status: 'succeeded', ageSeconds: expect.any(Number) },
    });
  });

  it.each([
    ['get', '/checks'],
    ['get', '/entities/component/default/payments-api'],
    ['post', '/entities/component/default/payments-api/refresh'],
    ['post', '/summaries'],
    ['get', '/search'],
    ['get', '/export'],
    ['get', '/rollups?groupBy=owner'],
    ['get', '/rollups/group/default/team-a'],
    ['get', '/trend'],
    ['get', '/champions'],
    ['get', '/runs'],
    ['post', '/runs'],
    ['get', '/runs/some-id'],
    ['get', '/exemptions'],
    ['post', '/exemptions'],
    ['delete', '/exemptions/some-id'],
    ['get', '/openapi.json'],
    ['get', '/no-such-route'],
  ] as const)(
    'answers 401 to %s %s without credentials',
    async (method, path) => {
      const res = await api()[method](`${base}${path}`);
      expect(res.status).toBe(401);
    },
  );
});

describe('GET /checks', () => {
  it('says once what the installation cannot see: metrics, with the checks they leave unchecked and how to configure them', async () => {
    const res = await api()
      .get(`${base}/checks`)
      .set('Authorization', userAuth);
    expect(res.status).toBe(200);
    const metrics = res.body.setup.missing.find(
      (m: { namespace: string }) => m.namespace === 'metrics',
    );
    expect(metrics.checkIds).toContain('monitoring.latency');
    expect(metrics.howTo).toMatch(/Prometheus module/);
    // The check itself speaks of the service, without config keys.
    const scorecard = await api()
      .get(`${base}/entities/component/default/payments-api`)
      .set('Authorization', userAuth);
    const latency = scorecard.body.results.find(
      (r: { checkId: string }) => r.checkId === 'monitoring.latency',
    );
    expect(latency.reason).toBe(
      'Metrics are not collected in this installation',
    );
  });

  it('describes the pack: levels in order, categories and checks with remediation', async () => {
    const res = await api()
      .get(`${base}/checks`)
      .set('Authorization', userAuth);
    expect(res.status).toBe(200);
    expect(res.body.levels.map((l: { id: string }) => l.id)).toEqual([
      'bronze',
      'silver',
      'gold',
    ]);
    expect(res.body.categories).toEqual(
      expect.arrayContaining(['ownership', 'runbook']),
    );
    const runbook = res.body.checks.find(
      (c: { id: string }) => c.id === 'runbook.runbook',
    );
    expect(runbook).toMatchObject({
      category: 'runbook',
      level: 'bronze',
      minStrength: 'declared',
      remediation: { markdown: expect.stringContaining('runbook') },
    });
    expect(runbook.rule).toBeUndefined();
  });
});

describe('GET /entities/{kind}/{namespace}/{name}', () => {
  it('returns the scorecard with check info, owner contacts and learn-from exemplars', async () => {
    const res = await api()
      .get(`${base}/entities/component/default/checkout-web`)
      .set('Authorization', userAuth);
    expect(res.status).toBe(200);
    const body = res.body as EntityScorecardResponse;
    expect(body.entity).toMatchObject({
      entityRef: 'component:default/checkout-web',
      kind: 'Component',
      owner: 'group:default/team-b',
      system: 'system:default/pay',
      domain: 'domain:default/money',
      type: 'website',
    });
    expect(body.owner?.ref).toBe('group:default/team-b');
    expect(body.owner?.contacts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ label: 'team-b@example.com' }),
      ]),
    );
    const runbook = body.results.find(r => r.checkId === 'runbook.runbook');
    expect(runbook?.state).toBe('fail');
    expect(runbook?.check.title).toBeTruthy();
    // team-a solved it in the same system: learn from payments-api.
    expect(runbook?.learnFrom?.[0]).toMatchObject({
      entity: { entityRef: 'component:default/payments-api' },
      owner: {
        ref: 'group:default/team-a',
        contacts: expect.arrayContaining([
          expect.objectContaining({ label: 'team-a@example.com' }),
        ]),
      },
      similarity: expect.arrayContaining(['same system', 'shares tag java']),
      evidence: [expect.objectContaining({ kind: 'link' })],
    });
    // Exemplars are other owners' entities only.
    for (const result of body.results) {
      for (const exemplar of result.learnFrom ?? []) {
        expect(exemplar.entity.owner).not.toBe('group:default/team-b');
      }
    }
    expect(body.history).toEqual([]);
    expect(body.trend).toHaveLength(1);
    expect(body.categories.length).toBeGreaterThan(0);
  });

  it('answers 404 for entities that are not scored or not visible', async () => {
    const missing = await api()
      .get(`${base}/entities/component/default/nope`)
      .set('Authorization', userAuth);
    expect(missing.status).toBe(404);
    expect(missing.body.error.name).toBe('NotFoundError');

    const hidden = await api()
      .get(`${base}/entities/component/default/secret-svc`)
      .set('Authorization', restrictedAuth);
    expect(hidden.status).toBe(404);

    const visible = await api()
      .get(`${base}/entities/component/default/secret-svc`)
      .set('Authorization', userAuth);
    expect(visible.status).toBe(200);
  });

  it('does not offer hidden entities as exemplars to a restricted user', async () => {
    const res = await api()
      .get(`${base}/entities/component/default/ledger`)
      .set('Authorization', restrictedAuth);
    expect(res.status).toBe(200);
    const refs = (res.body as EntityScorecardResponse).results.flatMap(r =>
      (r.learnFrom ?? []).map(e => e.entity.entityRef),
    );
    expect(refs).toContain('component:default/payments-api');
    expect(refs).not.toContain(HIDDEN_REF);
  });
});

describe('entity references in the path', () => {
  it.each([
    ['get', '/entities/%2E%2E/%2E%2E/entities', "Invalid kind '..'"],
    ['post', '/entities/%2E%2E/%2E%2E/entities/refresh', "Invalid kind '..'"],
    ['get', '/entities/component/%2E%2E/ledger', "Invalid namespace '..'"],
    [
      'get',
      '/entities/comp%2Fonent/default/ledger',
      "Invalid kind 'comp/onent'",
    ],
    ['post', '/entities/component/default/a%2Fb/refresh', "Invalid name 'a/b'"],
  ] as const)(
    'answers 400 naming the part to %s %s, without asking the catalog',
    async (method, path, message) => {
      backend.catalog.calls.length = 0;
      const res = await api()
        [method](`${base}${path}`)
        .set('Authorization', userAuth);
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({
        name: 'InputError',
        message: expect.stringContaining(message),
      });
      expect(backend.catalog.calls).toEqual([]);
    },
  );
});

describe('POST /entities/{kind}/{namespace}/{name}/refresh', () => {
  it('rescores the entity for a caller with readiness.entity.refresh', async () => {
    const res = await api()
      .post(`${base}/entities/component/default/ledger/refresh`)
      .set('Authorization', userAuth);
    expect(res.status).toBe(200);
    expect(res.body.entity.entityRef).toBe('component:default/ledger');
    const runs = await api().get(`${base}/runs`).set('Authorization', userAuth);
    expect(runs.body.items[0]).toMatchObject({
      trigger: 'entity',
      status: 'succeeded',
      entitiesDone: 1,
    });
  });

  it('answers 403 without the permission and 404 for a hidden entity', async () => {
    const denied = await api()
      .post(`${base}/entities/component/default/ledger/refresh`)
      .set('Authorization', restrictedAuth);
    expect(denied.status).toBe(403);
    expect(denied.body.error.name).toBe('NotAllowedError');
    const hidden = await api()
      .post(`${base}/entities/component/default/secret-svc/refresh`)
      .set('Authorization', limitedAuth);
    expect(hidden.status).toBe(404);
  });
});

describe('POST /summaries', () => {
  it('returns summaries of scored, visible entities', async () => {
    const refs = [
      'component:default/payments-api',
      'component:default/secret-svc',
      'component:default/unknown',
    ];
    const all = await api()
      .post(`${base}/summaries`)
      .set('Authorization', userAuth)
      .send({ entityRefs: refs });
    expect(all.status).toBe(200);
    expect(all.body.items.map((i: { name: string }) => i.name).sort()).toEqual([
      'payments-api',
      'secret-svc',
    ]);
    const restricted = await api()
      .post(`${base}/summaries`)
      .set('Authorization', restrictedAuth)
      .send({ entityRefs: refs });
    expect(restricted.body.items.map((i: { name: string }) => i.name)).toEqual([
      'payments-api',
    ]);
  });

  it('rejects more than 500 refs and unknown fields with 400', async () => {
    const tooMany = await api()
      .post(`${base}/summaries`)
      .set('Authorization', userAuth)
      .send({
        entityRefs: Array.from(
          { length: 501 },
          (_, i) => `component:default/c${i}`,
        ),
      });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.message).toMatch(/entityRefs/);
    const extra = await api()
      .post(`${base}/summaries`)
      .set('Authorization', userAuth)
      .send({ entityRefs: [], more: 1 });
    expect(extra.status).toBe(400);
  });
});

describe('GET /search', () => {
  it('finds entities by gap, with a total count', async () => {
    const res = await api()
      .get(`${base}/search?failing=runbook.runbook`)
      .set('Authorization', userAuth);
    expect(res.status).toBe(200);
    const body = res.body as SearchResponse;
    expect(body.items.map(i => i.name)).toEqual(['checkout-web', 'ledger']);
    expect(body.totalCount).toBe(2);
    expect(body.nextCursor).toBeUndefined();
  });

  it('accepts repeated and comma-separated values and combines filters', async () => {
    const repeated = await api()
      .get(`${base}/search?owner=team-a&owner=group:default/team-b&system=pay`)
      .set('Authorization', userAuth);
    // The system pay is in itself.
    expect(repeated.body.items.map((i: { name: string }) => i.name)).toEqual([
      'checkout-web',
      'pay',
      'payments-api',
      'secret-svc',
    ]);
    const comma = await api()
      .get(
        `${base}/search?type=website,service&passing=runbook.runbook&text=PAYMENTS`,
      )
      .set('Authorization', userAuth);
    expect(comma.body.items.map((i: { name: string }) => i.name)).toEqual([
      'payments-api',
    ]);
  });

  it('adds the failing check ids of each item on request', async () => {
    const res = await api()
      .get(`${base}/search?failing=runbook.runbook&include=failing`)
      .set('Authorization', userAuth);
    expect(res.status).toBe(200);
    for (const item of res.body.items) {
      expect(item.failingCheckIds).toContain('runbook.runbook');
      expect(item.failingCheckIds).toHaveLength(item.gaps);
    }
    const plain = await api()
      .get(`${base}/search?failing=runbook.runbook`)
      .set('Authorization', userAuth);
    expect(plain.body.items[0].failingCheckIds).toBeUndefined();
    const bad = await api()
      .get(`${base}/search?include=everything`)
      .set('Authorization', userAuth);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/include/);
  });

  it('pages with an opaque cursor', async () => {
    const names: string[] = [];
    let cursor: string | undefined;
    do {
      const res = await api()
        .get(`${base}/search`)
        .query({
          sort: 'score',
          order: 'desc',
          limit: 1,
          ...(cursor ? { cursor } : {}),
        })
        .set('Authorization', userAuth);
      expect(res.status).toBe(200);
      expect(res.body.totalCount).toBe(5);
      names.push(...res.body.items.map((i: { name: string }) => i.name));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(names).toHaveLength(5);
    expect(new Set(names).size).toBe(5);
  });

  it('hides entities the caller may not read', async () => {
    const res = await api()
      .get(`${base}/search`)
      .set('Authorization', restrictedAuth);
    expect(res.body.totalCount).toBe(4);
    expect(
      res.body.items.map((i: { entityRef: string }) => i.entityRef),
    ).not.toContain(HIDDEN_REF);
  });

  it('costs no catalog request when the caller may read everything', async () => {
    await api().get(`${base}/search`).set('Authorization', userAuth);
    backend.catalog.calls.length = 0;
    await api()
      .get(`${base}/search?failing=runbook.runbook`)
      .set('Authorization', userAuth);
    await api()
      .get(`${base}/rollups?groupBy=owner`)
      .set('Authorization', userAuth);
    expect(backend.catalog.calls).toEqual([]);
  });

  it.each([
    ['limit=0', /limit/],
    ['limit=501', /limit/],
    ['sort=height', /sort/],
    ['order=up', /order/],
    ['failing=no.such-check', /failing 'no.such-check'/],
    ['levelAtMost=platinum', /levelAtMost 'platinum'/],
    ['owner=group:default/', /owner 'group:default\/'/],
    ['cursor=not-a-cursor', /cursor/],
    ['colour=blue', /colour/],
  ])('answers 400 naming the parameter for %s', async (query, message) => {
    const res = await api()
      .get(`${base}/search?${query}`)
      .set('Authorization', userAuth);
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('InputError');
    expect(res.body.error.message).toMatch(message);
  });

  it('rejects a cursor made for another sort', async () => {
    const first = await api()
      .get(`${base}/search?sort=score&limit=1`)
      .set('Authorization', userAuth);
    const res = await api()
      .get(`${base}/search`)
      .query({ sort: 'name', limit: 1, cursor: first.body.nextCursor })
      .set('Authorization', userAuth);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/cursor/);
  });
});

describe('GET /export', () => {
  it('streams every match as CSV', async () => {
    const res = await api()
      .get(`${base}/export?format=csv&failing=runbook.runbook`)
      .set('Authorization', userAuth);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="readiness-failing-runbook\.runbook-\d{4}-\d\d-\d\d\.csv"$/,
    );
    const lines = res.text.split('\r\n');
    expect(lines[0]).toBe(
      'entityRef,kind,namespace,name,title,type,lifecycle,owner,system,domain,tier,score,level,nextLevel,target,levelsToTarget,gaps,evaluatedAt,failingCheckIds,declaredOnlyCheckIds,targetBlockingCheckIds,ownerContacts',
    );
    // The failing checks and the owner's contacts drive an outreach list.
    const ledger = lines.find(l => l.includes(',ledger,'))!;
    expect(ledger).toMatch(/runbook\.runbook/);
    expect(lines.slice(1, -1).map(l => l.split(',')[3])).toEqual([
      'checkout-web',
      'ledger',
    ]);
    expect(lines[lines.length - 1]).toBe('');
  });

  it('streams every match as JSON, without hidden entities', async () => {
    const res = await api()
      .get(`${base}/export?format=json`)
      .set('Authorization', restrictedAuth);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/\.json"$/);
    const items = JSON.parse(res.text);
    expect(items).toHaveLength(4);
    expect(items.map((i: { entityRef: string }) => i.entityRef)).not.toContain(
      HIDDEN_REF,
    );
  });

  it('answers 400 for a bad filter before streaming', async () => {
    const res = await api()
      .get(`${base}/export?format=xml`)
      .set('Authorization', userAuth);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/format/);
  });
});

describe('GET /rollups', () => {
  it('groups by owner with level counts and category pass rates', async () => {
    const res = await api()
      .get(`${base}/rollups?groupBy=owner`)
      .set('Authorization', userAuth);
    expect(res.status).toBe(200);
    expect(res.body.groupBy).toBe('owner');
    const keys = res.body.groups.map((g: { key: string }) => g.key).sort();
    expect(keys).toEqual(['group:default/team-a', 'group:default/team-b']);
    expect(res.body.total.entities).toBe(5);
    const teamA = res.body.groups.find(
      (g: { key: string }) => g.key === 'group:default/team-a',
    );
    // payments-api, secret-svc and the system pay.
    expect(teamA.entities).toBe(3);
    // Both services link a runbook and neither links postmortems.
    expect(teamA.categories.runbook).toBe(0.5);
    const levelTotal = Object.values(
      teamA.levels as Record<string, number>,
    ).reduce((a, b) => a + b, 0);
    expect(levelTotal).toBe(3);
  });

  it('counts child teams in their parent with includeChildren, each entity once in the total', async () => {
    const res = await api()
      .get(`${base}/rollups?groupBy=owner&includeChildren=true`)
      .set('Authorization', userAuth);
    expect(res.status).toBe(200);
    expect(res.body.includeChildren).toBe(true);
    const byKey = new Map<string, { entities: number }>(
      res.body.groups.map((g: { key: string; entities: number }) => [g.key, g]),
    );
    // engineering owns nothing itself; team-a is its child.
    expect(byKey.get('group:default/engineering')?.entities).toBe(3);
    expect(byKey.get('group:default/team-a')?.entities).toBe(3);
    expect(byKey.get('group:default/team-b')?.entities).toBe(2);
    expect(res.body.total.entities).toBe(5);

    const plain = await api()
      .get(`${base}/rollups?groupBy=owner&includeChildren=false`)
      .set('Authorization', userAuth);
    expect(plain.body.groups.map((g: { key: string }) => g.key).sort()).toEqual(
      ['group:default/team-a', 'group:default/team-b'],
    );
  });

  it('refuses includeChildren outside roll-ups by owner, naming the parameter', async () => {
    const res = await api()
      .get(`${base}/rollups?groupBy=system&includeChildren=true`)
      .set('Authorization', userAuth);
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('InputError');
    expect(res.body.error.message).toMatch(/includeChildren 'true'.*system/);
    const bad = await api()
      .get(`${base}/rollups?groupBy=owner&includeChildren=maybe`)
      .set('Authorization', userAuth);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/includeChildren/);
  });

  it('counts only visible entities and validates groupBy', async () => {
    const restricted = await api()
      .get(`${base}/rollups?groupBy=system`)
      .set('Authorization', restrictedAuth);
    expect(restricted.body.total.entities).toBe(4);
    const missing = await api()
      .get(`${base}/rollups`)
      .set('Authorization', userAuth);
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toMatch(/groupBy/);
  });
});

describe('GET /trend and /champions', () => {
  it('returns today as a trend point', async () => {
    const res = await api()
      .get(`${base}/trend?days=7`)
      .set('Authorization', userAuth);
    expect(res.status).toBe(200);
    expect(res.body.points).toHaveLength(1);
    expect(res.body.points[0].date).toBe(new Date().toISOString().slice(0, 10));
    const owner = await api()
      .get(`${base}/trend?owner=team-b`)
      .set('Authorization', userAuth);
    expect(owner.status).toBe(200);
    expect(
      Object.values(
        owner.body.points[0].levels as Record<string, number>,
      ).reduce((a, b) => a + b, 0),
    ).toBe(2);
    const bad = await api()
      .get(`${base}/trend?days=0`)
      .set('Authorization', userAuth);
    expect(bad.status).toBe(400);
  });

  it('names the owners with the best pass rate per check', async () => {
    const res = await api()
      .get(`${base}/champions?checkId=runbook.runbook`)
      .set('Authorization', userAuth);
    expect(res.status).toBe(200);
    expect(res.body.checks).toEqual([
      {
        checkId: 'runbook.runbook',
        champions: [
          expect.objectContaining({
            owner: expect.objectContaining({ ref: 'group:default/team-a' }),
            passRate: 1,
            passing: 2,
            applicable: 2,
          }),
        ],
      },
    ]);
    // team-a has a single visible runbook entity for the restricted user: no longer a champion.
    const restricted = await api()
      .get(`${base}/champions?checkId=runbook.runbook`)
      .set('Authorization', restrictedAuth);
    expect(restricted.body.checks[0].champions).toEqual([]);
    const unknown = await api()
      .get(`${base}/champions?checkId=nope`)
      .set('Authorization', userAuth);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/checkId/);
  });
});

describe('runs', () => {
  it('lists runs, including the startup rescore, and reads one', async () => {
    const list = await api()
      .get(`${base}/runs?limit=100`)
      .set('Authorization', userAuth);
    expect(list.status).toBe(200);
    const scheduled = list.body.items.find(
      (r: { trigger: string }) => r.trigger === 'schedule',
    );
    expect(scheduled).toMatchObject({
      status: 'succeeded',
      entitiesDone: 5,
      entitiesTotal: 5,
    });
    const one = await api()
      .get(`${base}/runs/${scheduled.id}`)
      .set('Authorization', userAuth);
    expect(one.body).toEqual(scheduled);
    const missing = await api()
      .get(`${base}/runs/nope`)
      .set('Authorization', userAuth);
    expect(missing.status).toBe(404);
  });

  it('starts a rescore with readiness.rescore and refuses without it', async () => {
    const denied = await api()
      .post(`${base}/runs`)
      .set('Authorization', restrictedAuth);
    expect(denied.status).toBe(403);
    const started = await api()
      .post(`${base}/runs`)
      .set('Authorization', userAuth);
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({
      trigger: 'manual',
      status: 'running',
    });
    // The mock scheduler runs the task at once; wait for the run to finish.
    let run = started.body;
    for (let i = 0; i < 50 && run.status === 'running'; i++) {
      await new Promise(resolve => setTimeout(resolve, 50));
      run = (
        await api().get(`${base}/runs/${run.id}`).set('Authorization', userAuth)
      ).body;
    }
    expect(run).toMatchObject({ status: 'succeeded', entitiesDone: 5 });
  });
});

describe('exemptions', () => {
  const body = {
    entityRef: 'component:default/ledger',
    checkId: 'runbook.runbook',
    reason: 'Batch job with no operator',
  };

  it('creates an exemption that applies at once, lists it, and deletes it', async () => {
    const created = await api()
      .post(`${base}/exemptions`)
      .set('Authorization', userAuth)
      .send(body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ...body, author: USER });

    const card = await api()
      .get(`${base}/entities/component/default/ledger`)
      .set('Authorization', userAuth);
    const result = card.body.results.find(
      (r: { checkId: string }) => r.checkId === 'runbook.runbook',
    );
    expect(result.state).toBe('exempt');
    expect(result.exemption.id).toBe(created.body.id);
    expect(card.body.history).toEqual([
      expect.objectContaining({
        checkId: 'runbook.runbook',
        from: 'fail',
        to: 'exempt',
      }),
    ]);

    const list = await api()
      .get(`${base}/exemptions?entityRef=component:default/ledger`)
      .set('Authorization', userAuth);
    expect(list.body.items.map((e: { id: string }) => e.id)).toEqual([
      created.body.id,
    ]);

    const deniedDelete = await api()
      .delete(`${base}/exemptions/${created.body.id}`)
      .set('Authorization', restrictedAuth);
    expect(deniedDelete.status).toBe(403);
    const deleted = await api()
      .delete(`${base}/exemptions/${created.body.id}`)
      .set('Authorization', userAuth);
    expect(deleted.status).toBe(204);
    const again = await api()
      .delete(`${base}/exemptions/${created.body.id}`)
      .set('Authorization', userAuth);
    expect(again.status).toBe(404);

    const after = await api()
      .get(`${base}/entities/component/default/ledger`)
      .set('Authorization', userAuth);
    expect(
      after.body.results.find(
        (r: { checkId: string }) => r.checkId === 'runbook.runbook',
      ).state,
    ).toBe('fail');
  });

  it('records every write, refused ones too, as audit events', async () => {
    backend.auditEvents.length = 0;
    const created = await api()
      .post(`${base}/exemptions`)
      .set('Authorization', userAuth)
      .send(body);
    expect(created.status).toBe(201);
    const refused = await api()
      .delete(`${base}/exemptions/${created.body.id}`)
      .set('Authorization', restrictedAuth);
    expect(refused.status).toBe(403);
    await api()
      .delete(`${base}/exemptions/${created.body.id}`)
      .set('Authorization', userAuth)
      .expect(204);
    await api()
      .post(`${base}/entities/component/default/ledger/refresh`)
      .set('Authorization', userAuth)
      .expect(200);
    await api().post(`${base}/runs`).set('Authorization', restrictedAuth);

    expect(backend.auditEvents).toEqual([
      {
        eventId: 'exemption-create',
        meta: { entityRef: body.entityRef, checkId: body.checkId },
        outcome: 'success',
      },
      {
        eventId: 'exemption-delete',
        meta: { exemptionId: created.body.id },
        outcome: 'fail',
      },
      {
        eventId: 'exemption-delete',
        meta: { exemptionId: created.body.id },
        outcome: 'success',
      },
      {
        eventId: 'entity-refresh',
        meta: { entityRef: 'component:default/ledger' },
        outcome: 'success',
      },
      { eventId: 'rescore', meta: undefined, outcome: 'fail' },
    ]);
  });

  it('needs readiness.exemption.manage', async () => {
    const res = await api()
      .post(`${base}/exemptions`)
      .set('Authorization', restrictedAuth)
      .send(body);
    expect(res.status).toBe(403);
  });

  it('answers 404 for a hidden entity and 400 for bad input', async () => {
    const hidden = await api()
      .post(`${base}/exemptions`)
      .set('Authorization', limitedAuth)
      .send({ ...body, entityRef: HIDDEN_REF });
    expect(hidden.status).toBe(404);

    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ ...body, checkId: 'no.such' }, /checkId 'no.such'/],
      [{ ...body, expiresAt: '2001-01-01T00:00:00Z' }, /expiresAt/],
      [{ ...body, expiresAt: 'tomorrow' }, /expiresAt/],
      [{ ...body, reason: '' }, /reason/],
      [{ ...body, reason: '   ' }, /reason/],
      [{ ...body, entityRef: 'component:default/' }, /entityRef/],
      [{ ...body, colour: 'blue' }, /colour|additional/],
      [{ entityRef: body.entityRef, checkId: body.checkId }, /reason/],
    ];
    for (const [payload, message] of cases) {
      const res = await api()
        .post(`${base}/exemptions`)
        .set('Authorization', userAuth)
        .send(payload);
      expect({ payload, status: res.status }).toEqual({ payload, status: 400 });
      expect(res.body.error.message).toMatch(message);
    }
  });

  it('hides exemptions of hidden entities from the list', async () => {
    const created = await api()
      .post(`${base}/exemptions`)
      .set('Authorization', userAuth)
      .send({ ...body, entityRef: HIDDEN_REF });
    expect(created.status).toBe(201);
    const restricted = await api()
      .get(`${base}/exemptions`)
      .set('Authorization', restrictedAuth);
    expect(
      restricted.body.items.map((e: { entityRef: string }) => e.entityRef),
    ).not.toContain(HIDDEN_REF);
    const all = await api()
      .get(`${base}/exemptions`)
      .set('Authorization', userAuth);
    expect(
      all.body.items.map((e: { entityRef: string }) => e.entityRef),
    ).toContain(HIDDEN_REF);
    const hiddenDelete = await api()
      .delete(`${base}/exemptions/${created.body.id}`)
      .set('Authorization', limitedAuth);
    expect(hiddenDelete.status).toBe(404);
    await api()
      .delete(`${base}/exemptions/${created.body.id}`)
      .set('Authorization', userAuth);
  });
});

describe('GET /rollups/{kind}/{namespace}/{name}', () => {
  const refs = (list: Array<{ entityRef: string }>) =>
    list.map(e => e.entityRef).sort();

  it("rolls up a team's entities with levels, the weakest links, ranked gaps and the checks it champions", async () => {
    const res = await api()
      .get(`${base}/rollups/group/default/team-a`)
      .set('Authorization', userAuth);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      entityRef: 'group:default/team-a',
      scope: 'team',
      members: ['group:default/team-a'],
      totalEntities: 3,
    });
    // Everything team-a owns: its services and its system.
    expect(refs(res.body.entities)).toEqual([
      'component:default/payments-api',
      'component:default/secret-svc',
      'system:default/pay',
    ]);
    const levelCount = Object.values(
      res.body.levels as Record<string, number>,
    ).reduce((a, b) => a + b, 0);
    expect(levelCount).toBe(3);
    expect(res.body.weakest.length).toBeGreaterThan(0);
    const gaps = res.body.gaps as Array<{
      checkId: string;
      failing: number;
      blocking: number;
    }>;
    expect(gaps.length).toBeGreaterThan(0);
    for (let i = 1; i < gaps.length; i++) {
      expect(
        gaps[i - 1].blocking > gaps[i].blocking ||
          (gaps[i - 1].blocking === gaps[i].blocking &&
            gaps[i - 1].failing >= gaps[i].failing),
      ).toBe(true);
    }
    // Both of team-a's services have a runbook link: team-a is a champion.
    expect(res.body.championOf).toContainEqual(
      expect.objectContaining({
        checkId: 'runbook.runbook',
        owner: expect.objectContaining({ ref: 'group:default/team-a' }),
        passRate: 1,
      }),
    );
  });

  it('leaves out what the caller may not read in the catalog', async () => {
    const res = await api()
      .get(`${base}/rollups/group/default/team-a`)
      .set('Authorization', limitedAuth);
    expect(res.status).toBe(200);
    expect(refs(res.body.entities)).toEqual([
      'component:default/payments-api',
      'system:default/pay',
    ]);
    expect(res.body.totalEntities).toBe(2);
  });

  it("rolls up a system's components without counting the system itself", async () => {
    const res = await api()
      .get(`${base}/rollups/system/default/pay`)
      .set('Authorization', userAuth);
    expect(res.status).toBe(200);
    expect(res.body.scope).toBe('system');
    expect(refs(res.body.entities)).toEqual([
      'component:default/checkout-web',
      'component:default/payments-api',
      'component:default/secret-svc',
    ]);
    expect(res.body.totalEntities).toBe(3);
    expect(res.body.championOf).toEqual([]);
  });

  it("rolls up a domain's systems and components", async () => {
    const res = await api()
      .get(`${base}/rollups/domain/default/money`)
      .set('Authorization', userAuth);
    expect(res.status).toBe(200);
    expect(res.body.scope).toBe('domain');
    expect(refs(res.body.entities)).toEqual(
      expect.arrayContaining([
        'component:default/checkout-web',
        'component:default/payments-api',
      ]),
    );
    expect(res.body.totalEntities).toBe(res.body.entities.length);
  });

  it('answers 400 naming the kind for entities that hold nothing, and 404 for unknown entities', async () => {
    const component = await api()
      .get(`${base}/rollups/component/default/payments-api`)
      .set('Authorization', userAuth);
    expect(component.status).toBe(400);
    expect(component.body.error.message).toContain("Invalid kind 'Component'");
    const missing = await api()
      .get(`${base}/rollups/group/default/no-such-team`)
      .set('Authorization', userAuth);
    expect(missing.status).toBe(404);
  });
});
