import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import {
  startReadinessTestBackend,
  type ReadinessTestBackend,
} from '../../__testUtils__/startReadinessTestBackend';

jest.setTimeout(60_000);

const userAuth = mockCredentials.user.header('user:default/jane');
const base = '/api/readiness';

let backend: ReadinessTestBackend;

beforeAll(async () => {
  backend = await startReadinessTestBackend();
});

afterAll(async () => {
  await backend.stop();
});

const post = (body: Record<string, unknown>) =>
  request(backend.server)
    .post(`${base}/exemptions`)
    .set('Authorization', userAuth)
    .send(body);

describe('POST /exemptions is strict', () => {
  const body = {
    entityRef: 'component:default/ledger',
    checkId: 'runbook.runbook',
    reason: 'Batch job with no operator',
  };

  it.each([
    [
      '2099-02-30T00:00:00Z',
      /^Invalid expiresAt '2099-02-30T00:00:00Z': 2099-02 has 28 days, not a day 30$/,
    ],
    ['2100-02-29T12:00:00Z', /2100-02 has 28 days/],
    ['2099-04-31T10:00:00+02:00', /2099-04 has 30 days/],
    ['2099-13-01T00:00:00Z', /^Invalid expiresAt '2099-13-01T00:00:00Z'/],
    ['2099-01-01T24:30:00Z', /^Invalid expiresAt '2099-01-01T24:30:00Z'/],
  ])(
    'refuses the expiry %s, naming the field and the value',
    async (expiresAt, message) => {
      const res = await post({ ...body, expiresAt });
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({
        name: 'InputError',
        message: expect.stringMatching(message),
      });
    },
  );

  it('refuses a date without a time (the API takes date-times)', async () => {
    const res = await post({ ...body, expiresAt: '2099-02-30' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/expiresAt/);
  });

  it('accepts a real calendar date, e.g. a leap day', async () => {
    const res = await post({
      ...body,
      checkId: 'ownership.system',
      expiresAt: '2096-02-29T12:00:00Z',
    });
    expect(res.status).toBe(201);
    expect(res.body.expiresAt).toBe('2096-02-29T12:00:00.000Z');
  });

  it('refuses exemptions for entities of kinds that are not scored', async () => {
    const res = await post({ ...body, entityRef: 'domain:default/money' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(
      /^Invalid entityRef 'domain:default\/money': entities of kind Domain are not scored/,
    );
    const list = await request(backend.server)
      .get(`${base}/exemptions?entityRef=domain:default/money`)
      .set('Authorization', userAuth);
    expect(list.body.items).toEqual([]);
  });

  it('updates the active exemption of an entity and check instead of adding another, audited as an update', async () => {
    backend.auditEvents.length = 0;
    const first = await post({ ...body, checkId: 'logging.logs' });
    expect(first.status).toBe(201);
    const second = await post({
      ...body,
      checkId: 'logging.logs',
      reason: 'Logs go to the mainframe console',
      expiresAt: '2099-12-31T00:00:00Z',
    });
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({
      id: first.body.id,
      createdAt: first.body.createdAt,
      reason: 'Logs go to the mainframe console',
      expiresAt: '2099-12-31T00:00:00.000Z',
    });

    const list = await request(backend.server)
      .get(
        `${base}/exemptions?entityRef=component:default/ledger&checkId=logging.logs`,
      )
      .set('Authorization', userAuth);
    expect(list.body.items).toEqual([second.body]);

    expect(backend.auditEvents).toEqual([
      {
        eventId: 'exemption-create',
        meta: { entityRef: body.entityRef, checkId: 'logging.logs' },
        outcome: 'success',
      },
      {
        eventId: 'exemption-update',
        meta: {
          entityRef: body.entityRef,
          checkId: 'logging.logs',
          exemptionId: first.body.id,
        },
        outcome: 'success',
      },
    ]);
  });
});
