import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { RESTRICTED_USER } from '../__testUtils__/catalogFixtures';
import {
  startReadinessTestBackend,
  type ReadinessTestBackend,
} from '../__testUtils__/startReadinessTestBackend';

jest.setTimeout(60_000);

const janeAuth = mockCredentials.user.header('user:default/jane');
const restrictedAuth = mockCredentials.user.header(RESTRICTED_USER);
const actions = '/api/readiness/.backstage/actions/v1/actions';

const input = {
  title: 'Logs for team B',
  owner: 'team-b',
  goal: { type: 'checks', checkIds: ['logging.logs'] },
  scope: { owners: ['team-b'] },
  deadline: '2099-01-31',
};

let backend: ReadinessTestBackend;

beforeAll(async () => {
  backend = await startReadinessTestBackend();
});

afterAll(async () => {
  await backend.stop();
});

const invoke = (body: object, auth = janeAuth) =>
  request(backend.server)
    .post(`${actions}/readiness:create-campaign/invoke`)
    .set('Authorization', auth)
    .send(body);

describe('readiness:create-campaign', () => {
  it('is listed as a write action', async () => {
    const res = await request(backend.server)
      .get(actions)
      .set('Authorization', janeAuth);
    expect(
      res.body.actions.find(
        (a: { id: string }) => a.id === 'readiness:create-campaign',
      ),
    ).toMatchObject({ attributes: { readOnly: false } });
  });

  it('creates a campaign as the caller, audited, that the API then serves', async () => {
    const res = await invoke(input);
    expect(res.status).toBe(200);
    const { output } = res.body;
    expect(output).toMatchObject({
      title: 'Logs for team B',
      status: 'active',
      deadline: '2099-01-31',
      link: `/readiness/campaigns/${output.id}`,
    });
    const detail = await request(backend.server)
      .get(`/api/readiness/campaigns/${output.id}`)
      .set('Authorization', janeAuth);
    expect(detail.body.campaign).toMatchObject({
      createdBy: 'user:default/jane',
      owner: 'group:default/team-b',
    });
    expect(detail.body.campaign.progress.entities).toBe(2);
    expect(backend.auditEvents).toContainEqual({
      eventId: 'campaign-create',
      meta: { title: 'Logs for team B', via: 'action' },
      outcome: 'success',
    });
  });

  it('needs readiness.campaign.manage', async () => {
    const res = await invoke(input, restrictedAuth);
    expect(res.status).toBe(403);
    expect(backend.auditEvents).toContainEqual(
      expect.objectContaining({ eventId: 'campaign-create', outcome: 'fail' }),
    );
  });

  it('refuses bad input naming the field and the value', async () => {
    const res = await invoke({ ...input, deadline: 'next friday' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(
      "Invalid deadline 'next friday': expected a day as YYYY-MM-DD",
    );
  });
});
