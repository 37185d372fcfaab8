import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
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

const userAuth = mockCredentials.user.header('user:default/jane');
const actions = '/api/readiness/.backstage/actions/v1/actions';

let backend: ReadinessTestBackend;

beforeAll(async () => {
  backend = await startReadinessTestBackend();
});

afterAll(async () => {
  await backend.stop();
});

const requestExemption = (input: object, auth = userAuth) =>
  request(backend.server)
    .post(`${actions}/readiness:request-exemption/invoke`)
    .set('Authorization', auth)
    .send(input);

describe('readiness:request-exemption', () => {
  it('exempts the entity as the caller, rescores it, and audits a create then an update', async () => {
    backend.auditEvents.length = 0;
    const first = await requestExemption({
      entityRef: 'checkout-web',
      checkId: 'runbook.runbook',
      reason: 'The runbook lives with the platform team',
    });
    expect(first.status).toBe(200);
    expect(first.body.output).toMatchObject({
      entityRef: 'component:default/checkout-web',
      checkId: 'runbook.runbook',
      author: 'user:default/jane',
      updated: false,
    });

    const scorecard = await request(backend.server)
      .get('/api/readiness/entities/component/default/checkout-web')
      .set('Authorization', userAuth);
    expect(
      scorecard.body.results.find(
        (r: { checkId: string }) => r.checkId === 'runbook.runbook',
      ).state,
    ).toBe('exempt');

    const second = await requestExemption({
      entityRef: 'component:default/checkout-web',
      checkId: 'runbook.runbook',
      reason: 'Moved to the new handbook next sprint',
      expiresAt: '2099-01-01T00:00:00Z',
    });
    expect(second.status).toBe(200);
    expect(second.body.output).toMatchObject({
      id: first.body.output.id,
      updated: true,
      expiresAt: '2099-01-01T00:00:00.000Z',
    });
    expect(backend.auditEvents).toEqual([
      {
        eventId: 'exemption-create',
        meta: {
          via: 'action',
          entityRef: 'component:default/checkout-web',
          checkId: 'runbook.runbook',
        },
        outcome: 'success',
      },
      {
        eventId: 'exemption-update',
        meta: {
          via: 'action',
          entityRef: 'component:default/checkout-web',
          checkId: 'runbook.runbook',
          exemptionId: first.body.output.id,
        },
        outcome: 'success',
      },
    ]);
  });

  it('needs readiness.exemption.manage, and records the refusal', async () => {
    backend.auditEvents.length = 0;
    const res = await requestExemption(
      {
        entityRef: 'checkout-web',
        checkId: 'logging.logs',
        reason: 'No logs here',
      },
      mockCredentials.user.header(RESTRICTED_USER),
    );
    expect(res.status).toBe(403);
    expect(backend.auditEvents).toEqual([
      expect.objectContaining({ eventId: 'exemption-create', outcome: 'fail' }),
    ]);
  });

  it('does not reveal an entity the caller may not read', async () => {
    const res = await requestExemption(
      { entityRef: HIDDEN_REF, checkId: 'logging.logs', reason: 'Hidden' },
      mockCredentials.user.header(LIMITED_USER),
    );
    expect(res.status).toBe(404);
    expect(JSON.stringify(res.body)).not.toMatch(/score/);
  });

  it.each([
    [{ checkId: 'no.such-check' }, /checkId 'no\.such-check'/],
    [{ reason: '   ' }, /reason/],
    [{ reason: 'a\u0000b' }, /Invalid reason 'a\\u0000b'/],
    [{ expiresAt: '2001-01-01T00:00:00Z' }, /expiresAt '2001-01-01T00:00:00Z'/],
    [{ expiresAt: 'next week' }, /expiresAt 'next week'/],
    [{ entityRef: 'component:' }, /entityRef.*component:/],
  ])('answers 400 naming the bad input %j', async (bad, message) => {
    const res = await requestExemption({
      entityRef: 'checkout-web',
      checkId: 'logging.logs',
      reason: 'Logs are elsewhere',
      ...bad,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
  });
});
