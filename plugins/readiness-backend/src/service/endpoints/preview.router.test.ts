import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import {
  HIDDEN_REF,
  RESTRICTED_USER,
} from '../../__testUtils__/catalogFixtures';
import {
  previewBackendConfig,
  previewChecks,
} from '../../__testUtils__/previewPacks';
import {
  startReadinessTestBackend,
  type ReadinessTestBackend,
} from '../../__testUtils__/startReadinessTestBackend';

jest.setTimeout(60_000);

const base = '/api/readiness';
const userAuth = mockCredentials.user.header('user:default/jane');
const restrictedAuth = mockCredentials.user.header(RESTRICTED_USER);

let backend: ReadinessTestBackend;

beforeAll(async () => {
  backend = await startReadinessTestBackend({
    readiness: previewBackendConfig,
  });
});

afterAll(async () => {
  await backend.stop();
});

const api = () => request(backend.server);

describe('GET /preview', () => {
  it('says which checks are advisory in GET /checks', async () => {
    const res = await api()
      .get(`${base}/checks`)
      .set('Authorization', userAuth);
    const logs = res.body.checks.find(
      (c: { id: string }) => c.id === 'logging.logs',
    );
    expect(logs.advisory).toBe(true);
  });

  it('still finds the entities an advisory check fails in gap search and export', async () => {
    const res = await api()
      .get(`${base}/search?failing=logging.logs`)
      .set('Authorization', userAuth);
    expect(res.status).toBe(200);
    expect(
      res.body.items.map((i: { entityRef: string }) => i.entityRef),
    ).toEqual(
      expect.arrayContaining([
        'component:default/checkout-web',
        'component:default/ledger',
      ]),
    );
    const csv = await api()
      .get(`${base}/export?format=csv&failing=logging.logs`)
      .set('Authorization', userAuth);
    expect(csv.status).toBe(200);
    expect(csv.text).toContain('component:default/ledger');
  });

  it('previews promoting an advisory check: who drops, per level pair and team, and who is notified', async () => {
    const res = await api()
      .get(`${base}/preview?promote=logging.logs`)
      .set('Authorization', userAuth);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      changed: 3,
      up: 0,
      down: 3,
      transitions: [{ from: 'bronze', direction: 'down', entities: 3 }],
      teams: [
        { owner: 'group:default/team-b', up: 0, down: 2, undetermined: 0 },
        { owner: 'group:default/team-a', up: 0, down: 1, undetermined: 0 },
      ],
      undetermined: [],
      unevaluatedChecks: [],
      notifications: {
        enabled: true,
        owners: ['group:default/team-a', 'group:default/team-b'],
      },
    });
    expect(
      res.body.changes.map((c: { entityRef: string }) => c.entityRef),
    ).toEqual([
      'component:default/checkout-web',
      'component:default/ledger',
      HIDDEN_REF,
    ]);
  });

  it('neither counts nor lists the entities the caller may not read', async () => {
    const all = await api()
      .get(`${base}/preview?promote=logging.logs`)
      .set('Authorization', userAuth);
    const res = await api()
      .get(`${base}/preview?promote=logging.logs`)
      .set('Authorization', restrictedAuth);
    expect(res.status).toBe(200);
    expect(res.body.entities).toBe(all.body.entities - 1);
    expect(res.body.down).toBe(2);
    expect(JSON.stringify(res.body)).not.toContain(HIDDEN_REF);
    expect(res.body.notifications.owners).toEqual(['group:default/team-b']);
  });

  it('answers 400 naming promote and the value for a check that is not advisory or not in the pack', async () => {
    const counted = await api()
      .get(`${base}/preview?promote=monitoring.dashboard`)
      .set('Authorization', userAuth);
    expect(counted.status).toBe(400);
    expect(counted.body.error.message).toBe(
      "Invalid promote 'monitoring.dashboard': not an advisory check (it is counted already)",
    );
    const unknown = await api()
      .get(`${base}/preview?promote=nope.nothing`)
      .set('Authorization', userAuth);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toBe(
      "Invalid promote 'nope.nothing': not a check of the check pack",
    );
  });

  it('answers 401 without a token', async () => {
    const res = await api().get(`${base}/preview?promote=logging.logs`);
    expect(res.status).toBe(401);
  });
});

describe('POST /preview', () => {
  const post = (body: object, auth = userAuth) =>
    api().post(`${base}/preview`).set('Authorization', auth).send(body);

  it('previews a proposed readiness.checks like the promotion it makes, audited', async () => {
    const promoted = await api()
      .get(`${base}/preview?promote=logging.logs`)
      .set('Authorization', userAuth);
    const res = await post({ checks: previewChecks({ logsAdvisory: false }) });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(promoted.body);
    expect(backend.auditEvents).toContainEqual(
      expect.objectContaining({
        eventId: 'pack-change-preview',
        outcome: 'success',
      }),
    );
  });

  it('previews a move to another level from the stored results', async () => {
    // The dashboard check, which no component passes, moved down to bronze.
    const res = await post({
      checks: [
        ...previewChecks({ logsAdvisory: true }),
        { id: 'monitoring.dashboard', level: 'bronze' },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ changed: 4, up: 0, down: 4 });
    expect(res.body.transitions).toEqual([
      { from: 'bronze', direction: 'down', entities: 4 },
    ]);
    expect(res.body.undetermined).toEqual([]);
  });

  it('moves nobody up to a level left without checks', async () => {
    // Silver would have nothing to prove: nobody reaches it by that.
    const res = await post({
      checks: [
        ...previewChecks({ logsAdvisory: true }),
        { id: 'monitoring.dashboard', level: 'gold' },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ changed: 0, up: 0, down: 0 });
  });

  it('answers a new rule as unevaluated, and the entities it could move as undetermined', async () => {
    const res = await post({
      checks: [
        ...previewChecks({ logsAdvisory: true }),
        {
          id: 'logging.structured',
          title: 'Structured logs',
          level: 'bronze',
          rule: { annotation: 'example.com/log-format' },
          description: 'Logs are structured.',
        },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.unevaluatedChecks).toEqual([
      {
        checkId: 'logging.structured',
        reason:
          'logging.structured is a new check: facts are not stored, so the preview cannot evaluate it',
      },
    ]);
    // The system too: an operational check that passed would give it a level.
    expect(res.body.undetermined).toHaveLength(5);
    expect(res.body.undetermined[0].reason).toMatch(
      /^Depends on logging\.structured is a new check/,
    );
    expect(res.body.changed).toBe(0);
  });

  it('answers 400 naming the config path and value of an invalid pack', async () => {
    const res = await post({
      checks: [{ id: 'logging.logs', level: 'platinum' }],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(
      /^readiness\.checks\[0\]\.level: unknown level; the levels are bronze, silver, gold.*platinum/,
    );
    const notAList = await post({ checks: 'all' });
    expect(notAList.status).toBe(400);
    expect(notAList.body.error.message).toMatch(/checks/);
  });

  it('answers 401 without a token', async () => {
    const res = await api().post(`${base}/preview`).send({ checks: [] });
    expect(res.status).toBe(401);
  });
});
