import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { HIDDEN_REF, RESTRICTED_USER } from '../__testUtils__/catalogFixtures';
import {
  previewBackendConfig,
  previewChecks,
} from '../__testUtils__/previewPacks';
import {
  startReadinessTestBackend,
  type ReadinessTestBackend,
} from '../__testUtils__/startReadinessTestBackend';

jest.setTimeout(60_000);

const userAuth = mockCredentials.user.header('user:default/jane');
const restrictedAuth = mockCredentials.user.header(RESTRICTED_USER);
const invokeUrl =
  '/api/readiness/.backstage/actions/v1/actions/readiness:preview-pack-change/invoke';

let backend: ReadinessTestBackend;

beforeAll(async () => {
  backend = await startReadinessTestBackend({
    readiness: previewBackendConfig,
  });
});

afterAll(async () => {
  await backend.stop();
});

const invoke = (input: unknown, auth = userAuth) =>
  request(backend.server)
    .post(invokeUrl)
    .set('Authorization', auth)
    .send(input as object);

describe('readiness:preview-pack-change', () => {
  it('answers what GET /preview answers for a promotion', async () => {
    const rest = await request(backend.server)
      .get('/api/readiness/preview?promote=logging.logs')
      .set('Authorization', userAuth);
    const res = await invoke({ promote: ['logging.logs'] });
    expect(res.status).toBe(200);
    expect(res.body.output).toEqual(rest.body);
    expect(res.body.output.down).toBe(3);
  });

  it('previews a proposed pack with the caller visibility', async () => {
    const res = await invoke(
      { checks: previewChecks({ logsAdvisory: false }) },
      restrictedAuth,
    );
    expect(res.status).toBe(200);
    expect(res.body.output.down).toBe(2);
    expect(JSON.stringify(res.body.output)).not.toContain(HIDDEN_REF);
  });

  it('refuses input that is neither a promotion nor a pack, or both', async () => {
    const neither = await invoke({});
    expect(neither.status).toBe(400);
    expect(neither.body.error.message).toMatch(/give promote, or checks/);
    const both = await invoke({ promote: ['logging.logs'], checks: [] });
    expect(both.status).toBe(400);
    const notAdvisory = await invoke({ promote: ['monitoring.dashboard'] });
    expect(notAdvisory.status).toBe(400);
    expect(notAdvisory.body.error.message).toMatch(
      /Invalid promote 'monitoring\.dashboard'/,
    );
  });
});
