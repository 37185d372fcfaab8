import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import {
  HIDDEN_REF,
  LIMITED_USER,
  RESTRICTED_USER,
} from '../../__testUtils__/catalogFixtures';
import {
  startReadinessTestBackend,
  type ReadinessTestBackend,
} from '../../__testUtils__/startReadinessTestBackend';

jest.setTimeout(60_000);

const base = '/api/readiness';
const janeAuth = mockCredentials.user.header('user:default/jane');
const restrictedAuth = mockCredentials.user.header(RESTRICTED_USER);
const limitedAuth = mockCredentials.user.header(LIMITED_USER);

/** Every component needs a runbook; two of the four have one. */
const runbooks = {
  title: 'Runbooks for every component',
  description: 'Write one: **now**.',
  owner: 'group:default/team-a',
  goal: { type: 'checks', checkIds: ['runbook.runbook'] },
  scope: { kinds: ['Component'] },
  startsAt: '2026-01-01',
  deadline: '2099-01-31',
};

let backend: ReadinessTestBackend;

beforeAll(async () => {
  backend = await startReadinessTestBackend({
    readiness: {
      campaigns: [
        {
          id: 'team-a-logs',
          title: 'Logs for team A',
          owner: 'team-a',
          goal: { checks: ['logging.logs'] },
          scope: { owners: ['team-a'] },
          startsAt: '2026-01-01',
          deadline: '2099-02-01',
        },
      ],
    },
  });
});

afterAll(async () => {
  await backend.stop();
});

const get = (path: string, auth = janeAuth) =>
  request(backend.server).get(`${base}${path}`).set('Authorization', auth);
const create = (body: object, auth = janeAuth) =>
  request(backend.server)
    .post(`${base}/campaigns`)
    .set('Authorization', auth)
    .send(body);

describe('campaigns', () => {
  let id: string;

  it('refuses unauthenticated callers', async () => {
    expect(
      (await request(backend.server).get(`${base}/campaigns`)).status,
    ).toBe(401);
    expect(
      (await request(backend.server).post(`${base}/campaigns`).send(runbooks))
        .status,
    ).toBe(401);
  });

  it('refuses creation without readiness.campaign.manage, and audits the attempt', async () => {
    const res = await create(runbooks, restrictedAuth);
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/readiness\.campaign\.manage/);
    expect(backend.auditEvents).toContainEqual(
      expect.objectContaining({ eventId: 'campaign-create', outcome: 'fail' }),
    );
  });

  it('refuses bad input with 400 naming the field and the value', async () => {
    const unknownCheck = await create({
      ...runbooks,
      goal: { type: 'checks', checkIds: ['runbook.runbook', 'no.such'] },
    });
    expect(unknownCheck.status).toBe(400);
    expect(unknownCheck.body.error.message).toBe(
      "Invalid goal.checkIds 'no.such': not a check of the check pack",
    );
    const level = await create({
      ...runbooks,
      goal: { type: 'level', level: 'platinum' },
    });
    expect(level.status).toBe(400);
    expect(level.body.error.message).toMatch(
      /^Invalid goal\.level 'platinum': not a level of the check pack/,
    );
    const badDay = await create({ ...runbooks, deadline: '2099-02-30' });
    expect(badDay.body.error.message).toBe(
      "Invalid deadline '2099-02-30': not a calendar day",
    );
    const early = await create({ ...runbooks, deadline: '2025-12-31' });
    expect(early.status).toBe(400);
    expect(early.body.error.message).toBe(
      "Invalid deadline '2025-12-31': before startsAt '2026-01-01'",
    );
  });

  it('creates a campaign (audited) and counts its progress on the stored results', async () => {
    const res = await create(runbooks);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      title: runbooks.title,
      owner: 'group:default/team-a',
      scope: { kinds: ['component'] },
      status: 'active',
      source: 'api',
      createdBy: 'user:default/jane',
    });
    id = res.body.id;
    expect(backend.auditEvents).toContainEqual(
      expect.objectContaining({
        eventId: 'campaign-create',
        outcome: 'success',
      }),
    );

    const detail = await get(`/campaigns/${id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.campaign.progress).toEqual({ entities: 4, done: 2 });
    expect(
      detail.body.entities.map(
        (e: { entity: { name: string }; done: boolean }) =>
          `${e.entity.name}:${e.done}`,
      ),
    ).toEqual([
      'checkout-web:false',
      'ledger:false',
      'payments-api:true',
      'secret-svc:true',
    ]);
    expect(detail.body.teams).toEqual([
      { owner: 'group:default/team-b', entities: 2, done: 0 },
      { owner: 'group:default/team-a', entities: 2, done: 2 },
    ]);
    const [help] = detail.body.checks;
    expect(help).toMatchObject({ checkId: 'runbook.runbook', failing: 2 });
    // Whom to ask: a team whose entity passes, with its contacts.
    expect(help.exemplars[0].owner).toMatchObject({
      ref: 'group:default/team-a',
      contacts: expect.arrayContaining([
        expect.objectContaining({ label: 'team-a@example.com' }),
      ]),
    });
    expect(detail.body.history).toEqual([
      expect.objectContaining({ entities: 4, done: 2 }),
    ]);
  });

  it('counts and lists only the entities the caller may read', async () => {
    const detail = await get(`/campaigns/${id}`, limitedAuth);
    expect(detail.body.campaign.progress).toEqual({ entities: 3, done: 1 });
    expect(JSON.stringify(detail.body)).not.toContain(HIDDEN_REF);
    const listed = await get('/campaigns', limitedAuth);
    expect(
      listed.body.items.find((c: { id: string }) => c.id === id).progress,
    ).toEqual({ entities: 3, done: 1 });
    expect(
      (
        await get(
          '/entities/component/default/secret-svc/campaigns',
          limitedAuth,
        )
      ).status,
    ).toBe(404);
  });

  it('lists, by owner, the campaigns covering that owner, counted on its entities', async () => {
    const res = await get('/campaigns?owner=group:default/team-b');
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      expect.objectContaining({ id, progress: { entities: 2, done: 0 } }),
    ]);
    const all = await get('/campaigns?status=active');
    expect(all.body.items.map((c: { id: string }) => c.id).sort()).toEqual(
      [id, 'team-a-logs'].sort(),
    );
  });

  it('shows an entity its campaigns with what it still misses', async () => {
    const res = await get('/entities/component/default/checkout-web/campaigns');
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      {
        id,
        title: runbooks.title,
        owner: 'group:default/team-a',
        deadline: '2099-01-31',
        status: 'active',
        done: false,
        missingCheckIds: ['runbook.runbook'],
      },
    ]);
  });

  it('moves progress when an exemption is created', async () => {
    const exemption = await request(backend.server)
      .post(`${base}/exemptions`)
      .set('Authorization', janeAuth)
      .send({
        entityRef: 'component:default/ledger',
        checkId: 'runbook.runbook',
        reason: 'Batch job, the platform runbook covers it',
      });
    expect(exemption.status).toBe(201);
    const detail = await get(`/campaigns/${id}`);
    expect(detail.body.campaign.progress).toEqual({ entities: 4, done: 3 });
  });

  it('keeps the history of edits, closing and reopening', async () => {
    const patch = await request(backend.server)
      .patch(`${base}/campaigns/${id}`)
      .set('Authorization', janeAuth)
      .send({ title: 'Runbooks everywhere', deadline: '2099-03-01' });
    expect(patch.status).toBe(200);
    expect(patch.body).toMatchObject({
      title: 'Runbooks everywhere',
      deadline: '2099-03-01',
    });
    const close = await request(backend.server)
      .post(`${base}/campaigns/${id}/close`)
      .set('Authorization', janeAuth);
    expect(close.body.status).toBe('closed');
    const history = await get(`/campaigns/${id}/history`);
    expect(history.body.items.map((e: { action: string }) => e.action)).toEqual(
      ['created', 'updated', 'closed'],
    );
    expect(history.body.items[1]).toMatchObject({
      actor: 'user:default/jane',
      changes: { title: 'Runbooks everywhere', deadline: '2099-03-01' },
    });
    const reopen = await request(backend.server)
      .post(`${base}/campaigns/${id}/reopen`)
      .set('Authorization', janeAuth);
    expect(reopen.body.status).toBe('active');
  });

  it('answers 409 to edits of campaigns declared in config, and 404 to unknown ids', async () => {
    const config = await get('/campaigns/team-a-logs');
    expect(config.body.campaign).toMatchObject({
      source: 'config',
      owner: 'group:default/team-a',
      goal: { type: 'checks', checkIds: ['logging.logs'] },
    });
    const patch = await request(backend.server)
      .patch(`${base}/campaigns/team-a-logs`)
      .set('Authorization', janeAuth)
      .send({ title: 'x' });
    expect(patch.status).toBe(409);
    const close = await request(backend.server)
      .post(`${base}/campaigns/team-a-logs/close`)
      .set('Authorization', janeAuth);
    expect(close.status).toBe(409);
    expect((await get('/campaigns/nope')).status).toBe(404);
  });
});
