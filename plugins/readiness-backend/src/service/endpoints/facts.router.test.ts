import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import {
  RESTRICTED_USER,
  HIDDEN_REF,
} from '../../__testUtils__/catalogFixtures';
import {
  startReadinessTestBackend,
  type ReadinessTestBackend,
} from '../../__testUtils__/startReadinessTestBackend';

jest.setTimeout(60_000);

const base = '/api/readiness';
const userAuth = mockCredentials.user.header('user:default/jane');
const serviceAuth = mockCredentials.service.header();
const restrictedAuth = mockCredentials.user.header(RESTRICTED_USER);
const ENTITY = 'component:default/ledger';

let backend: ReadinessTestBackend;

beforeAll(async () => {
  backend = await startReadinessTestBackend({
    readiness: {
      pushedFacts: {
        coverage: {
          schema: { type: 'number', minimum: 0, maximum: 100 },
          ttl: '7d',
        },
        loadTest: {
          schema: {
            type: 'object',
            properties: { p99Ms: { type: 'number' } },
            required: ['p99Ms'],
          },
          ttl: { days: 30 },
        },
      },
      checks: [
        {
          id: 'quality.coverage',
          title: 'Test coverage',
          level: 'bronze',
          rule: { fact: 'pushed.coverage', gte: 80 },
          warn: { fact: 'pushed.coverage', gte: 60 },
          messages: {
            pass: 'Coverage at least 80%',
            fail: 'Coverage below 60%',
            warn: 'Coverage below 80%',
          },
          description: 'Push test coverage from CI',
        },
      ],
    },
  });
});

afterAll(async () => {
  await backend.stop();
});

const push = (body: Record<string, unknown>, auth = serviceAuth) =>
  request(backend.server)
    .post(`${base}/facts`)
    .set('Authorization', auth)
    .send(body);

async function coverageResult() {
  const res = await request(backend.server)
    .get(`${base}/entities/component/default/ledger`)
    .set('Authorization', userAuth);
  expect(res.status).toBe(200);
  return res.body.results.find(
    (r: { checkId: string }) => r.checkId === 'quality.coverage',
  );
}

describe('POST /facts', () => {
  it('needs a token', async () => {
    const res = await request(backend.server)
      .post(`${base}/facts`)
      .send({ entityRef: ENTITY, facts: { coverage: 90 } });
    expect(res.status).toBe(401);
  });

  it('refuses a user without readiness.facts.push, and records the attempt', async () => {
    const res = await push(
      { entityRef: ENTITY, facts: { coverage: 90 } },
      restrictedAuth,
    );
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/readiness\.facts\.push/);
    expect(backend.auditEvents).toContainEqual(
      expect.objectContaining({ eventId: 'facts-push', outcome: 'fail' }),
    );
  });

  it('validates each value against its key schema, naming the field', async () => {
    const res = await push({ entityRef: ENTITY, facts: { coverage: 140 } });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      name: 'InputError',
      message: 'Invalid facts.coverage: 140 must be <= 100',
    });
    const nested = await push({
      entityRef: ENTITY,
      facts: { loadTest: { p99Ms: 'fast' } },
    });
    expect(nested.status).toBe(400);
    expect(nested.body.error.message).toMatch(
      /^Invalid facts\.loadTest\.p99Ms: .* must be number$/,
    );
  });

  it('refuses undeclared keys, an empty push and a future observedAt', async () => {
    const undeclared = await push({ entityRef: ENTITY, facts: { vibes: 1 } });
    expect(undeclared.status).toBe(400);
    expect(undeclared.body.error.message).toMatch(
      /^Invalid facts\.vibes: no fact key 'vibes' is declared in readiness\.pushedFacts \(declared: coverage, loadTest\)$/,
    );
    const empty = await push({ entityRef: ENTITY, facts: {} });
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toMatch(/facts/);
    const future = await push({
      entityRef: ENTITY,
      facts: { coverage: 90 },
      observedAt: '2999-01-01T00:00:00Z',
    });
    expect(future.status).toBe(400);
    expect(future.body.error.message).toMatch(
      /^Invalid observedAt '2999-01-01T00:00:00Z'/,
    );
  });

  it('hides entities the caller may not read', async () => {
    const res = await push(
      { entityRef: HIDDEN_REF, facts: { coverage: 90 } },
      mockCredentials.user.header('user:default/limited'),
    );
    expect(res.status).toBe(404);
  });

  it('stores the facts, rescores at once (pass, warn) and shows observedAt', async () => {
    const observedAt = new Date(Date.now() - 60_000).toISOString();
    const res = await push({
      entityRef: ENTITY,
      facts: { coverage: 91.5 },
      observedAt,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      entityRef: ENTITY,
      rescored: true,
      items: [
        {
          key: 'coverage',
          value: 91.5,
          observedAt,
          stale: false,
          pushedBy: expect.stringMatching(/^service:/),
        },
      ],
    });
    expect(await coverageResult()).toMatchObject({ state: 'pass' });

    const warn = await push(
      { entityRef: ENTITY, facts: { coverage: 70 } },
      userAuth,
    );
    expect(warn.status).toBe(200);
    expect(await coverageResult()).toMatchObject({
      state: 'warn',
      reason: 'Coverage below 80% (in the warning band: pushed.coverage is 70)',
    });
    // A warning holds the level back like a fail, so it is a gap: found by
    // a search for entities failing the check.
    const found = await request(backend.server)
      .get(`${base}/search?failing=quality.coverage`)
      .set('Authorization', userAuth);
    expect(found.status).toBe(200);
    expect(
      found.body.items.map((i: { entityRef: string }) => i.entityRef),
    ).toContain(ENTITY);

    const listed = await request(backend.server)
      .get(`${base}/facts?entityRef=${ENTITY}`)
      .set('Authorization', userAuth);
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual([
      expect.objectContaining({
        key: 'coverage',
        value: 70,
        observedAt: expect.any(String),
        pushedBy: 'user:default/jane',
      }),
    ]);
    expect(backend.auditEvents).toContainEqual(
      expect.objectContaining({
        eventId: 'facts-push',
        outcome: 'success',
        meta: { entityRef: ENTITY, keys: ['coverage'] },
      }),
    );
  });

  it('makes the check unknown once the fact is stale', async () => {
    const observedAt = new Date(
      Date.now() - 8 * 24 * 60 * 60 * 1000,
    ).toISOString();
    // Older than the stored value: kept out.
    const older = await push({
      entityRef: ENTITY,
      facts: { coverage: 99 },
      observedAt,
    });
    expect(older.body.items[0].value).toBe(70);

    const res = await push({
      entityRef: 'component:default/payments-api',
      facts: { coverage: 99 },
      observedAt,
    });
    expect(res.status).toBe(200);
    expect(res.body.items[0]).toMatchObject({ stale: true });
    const card = await request(backend.server)
      .get(`${base}/entities/component/default/payments-api`)
      .set('Authorization', userAuth);
    const result = card.body.results.find(
      (r: { checkId: string }) => r.checkId === 'quality.coverage',
    );
    expect(result).toMatchObject({
      state: 'unknown',
      reason: expect.stringMatching(
        /^Pushed fact coverage is stale since \d{4}-\d{2}-\d{2}T/,
      ),
    });
  });
});
