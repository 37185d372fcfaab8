import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { RESTRICTED_USER } from '../../__testUtils__/catalogFixtures';
import {
  startReadinessTestBackend,
  type ReadinessTestBackend,
} from '../../__testUtils__/startReadinessTestBackend';

jest.setTimeout(60_000);

const base = '/api/readiness';
// Jane is a member of team-a, which owns payments-api.
const janeAuth = mockCredentials.user.header('user:default/jane');
const restrictedAuth = mockCredentials.user.header(RESTRICTED_USER);
const ENTITY = 'component:default/payments-api';

let backend: ReadinessTestBackend;

beforeAll(async () => {
  backend = await startReadinessTestBackend({
    readiness: {
      checks: [
        { id: 'resilience.dr-drill', enabled: true },
        { id: 'security.review', attested: { expiresAfterDays: 30 } },
      ],
    },
  });
});

afterAll(async () => {
  await backend.stop();
});

const attest = (body: Record<string, unknown>, auth = janeAuth) =>
  request(backend.server)
    .post(`${base}/attestations`)
    .set('Authorization', auth)
    .send(body);

async function result(checkId: string) {
  const res = await request(backend.server)
    .get(`${base}/entities/component/default/payments-api`)
    .set('Authorization', janeAuth);
  expect(res.status).toBe(200);
  return res.body.results.find(
    (r: { checkId: string }) => r.checkId === checkId,
  );
}

describe('attestations', () => {
  it('an attested check fails until attested', async () => {
    expect(await result('resilience.dr-drill')).toMatchObject({
      state: 'fail',
      reason: 'No current disaster-recovery drill (no attestation recorded)',
    });
  });

  it('refuses a non-http(s) evidence link and checks that are not attested, naming the field', async () => {
    const script = await attest({
      entityRef: ENTITY,
      checkId: 'resilience.dr-drill',
      // eslint-disable-next-line no-script-url -- refused input is the test
      evidenceUrl: 'javascript:alert(1)',
    });
    expect(script.status).toBe(400);
    expect(script.body.error.message).toMatch(
      /^Invalid evidenceUrl 'javascript:alert\(1\)': expected an http\(s\) link/,
    );
    const notAttested = await attest({
      entityRef: ENTITY,
      checkId: 'runbook.runbook',
      evidenceUrl: 'https://wiki.example.com/x',
    });
    expect(notAttested.status).toBe(400);
    expect(notAttested.body.error.message).toMatch(
      /^Invalid checkId 'runbook\.runbook': not an attested check \(attested checks: resilience\.dr-drill, security\.review\)$/,
    );
  });

  it('refuses callers outside the owning team without the permission, and audits it', async () => {
    const res = await attest(
      {
        entityRef: ENTITY,
        checkId: 'resilience.dr-drill',
        evidenceUrl: 'https://wiki.example.com/dr',
      },
      restrictedAuth,
    );
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe(
      'Only members of group:default/team-a or holders of readiness.attestation.manage may attest component:default/payments-api',
    );
    expect(backend.auditEvents).toContainEqual(
      expect.objectContaining({
        eventId: 'attestation-create',
        outcome: 'fail',
      }),
    );
  });

  it('an owner-team member attests: the check passes at once, with the evidence and expiry', async () => {
    const res = await attest({
      entityRef: ENTITY,
      checkId: 'security.review',
      evidenceUrl: 'https://security.example.com/reviews/42',
      note: 'Threat model reviewed',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      entityRef: ENTITY,
      checkId: 'security.review',
      author: 'user:default/jane',
      note: 'Threat model reviewed',
    });
    const days =
      (Date.parse(res.body.expiresAt) - Date.parse(res.body.createdAt)) /
      86_400_000;
    expect(days).toBe(30);
    expect(await result('security.review')).toMatchObject({
      state: 'pass',
      evidence: [
        expect.objectContaining({
          url: 'https://security.example.com/reviews/42',
        }),
      ],
    });
    const listed = await request(backend.server)
      .get(`${base}/attestations?entityRef=${ENTITY}`)
      .set('Authorization', janeAuth);
    expect(listed.body.items).toEqual([
      expect.objectContaining({ id: res.body.id }),
    ]);
    expect(backend.auditEvents).toContainEqual(
      expect.objectContaining({
        eventId: 'attestation-create',
        outcome: 'success',
        meta: { entityRef: ENTITY, checkId: 'security.review' },
      }),
    );
  });
});
