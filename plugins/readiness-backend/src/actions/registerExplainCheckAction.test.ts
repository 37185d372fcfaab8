import { mockCredentials } from '@backstage/backend-test-utils';
import { EVIDENCE_STRENGTH_RULE } from '@prodready/plugin-readiness-common';
import request from 'supertest';
import { HIDDEN_REF, RESTRICTED_USER } from '../__testUtils__/catalogFixtures';
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

const explain = (input: object, auth = userAuth) =>
  request(backend.server)
    .post(`${actions}/readiness:explain-check/invoke`)
    .set('Authorization', auth)
    .send(input);

describe('readiness:explain-check', () => {
  it('explains what a check asks, why, how it is decided and how to pass it', async () => {
    const res = await explain({ checkId: 'runbook.runbook' });
    expect(res.status).toBe(200);
    expect(res.body.output.entity).toBeUndefined();
    expect(res.body.output.check).toMatchObject({
      id: 'runbook.runbook',
      category: 'runbook',
      whyItMatters: expect.stringMatching(/incident/),
      evaluation: expect.stringContaining('Counts towards'),
      remediation: { markdown: expect.stringMatching(/runbook/i) },
    });
    expect(res.body.output.check.evidenceRules).toContain(
      EVIDENCE_STRENGTH_RULE,
    );
  });

  it('says why an entity got its state, with whom to learn from', async () => {
    const res = await explain({
      checkId: 'runbook.runbook',
      entityRef: 'checkout-web',
    });
    expect(res.status).toBe(200);
    expect(res.body.output.entity).toMatchObject({
      entityRef: 'component:default/checkout-web',
      state: 'fail',
      reason: expect.any(String),
      blocksNextLevel: expect.any(Boolean),
      learnFrom: expect.arrayContaining([
        {
          entityRef: 'component:default/payments-api',
          owner: 'group:default/team-a',
        },
      ]),
    });
  });

  it('does not reveal an entity the caller may not read', async () => {
    const res = await explain(
      { checkId: 'logging.logs', entityRef: HIDDEN_REF },
      mockCredentials.user.header(RESTRICTED_USER),
    );
    expect(res.status).toBe(404);
  });

  it('answers 400 naming an unknown check', async () => {
    const res = await explain({ checkId: 'no.such-check' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/checkId 'no\.such-check'/);
  });
});
