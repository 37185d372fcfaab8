import { mockCredentials } from '@backstage/backend-test-utils';
import knexFactory from 'knex';
import request from 'supertest';
import {
  startReadinessTestBackend,
  type ReadinessTestBackend,
} from '../__testUtils__/startReadinessTestBackend';

jest.setTimeout(60_000);

const base = '/api/readiness';
const userAuth = mockCredentials.user.header('user:default/jane');

describe('a database outage', () => {
  let backend: ReadinessTestBackend;

  beforeAll(async () => {
    const knex = knexFactory({
      client: 'better-sqlite3',
      connection: ':memory:',
      useNullAsDefault: true,
    });
    backend = await startReadinessTestBackend({ knex });
    // The database goes away under the running plugin.
    await knex.destroy();
  });

  afterAll(async () => {
    await backend?.stop();
  });

  it('makes /health answer 503 saying so', async () => {
    const res = await request(backend.server).get(`${base}/health`);
    expect(res.status).toBe(503);
    expect(res.body).toEqual({
      status: 'unavailable',
      database: { status: 'unavailable', message: expect.any(String) },
    });
  });

  it.each(['/search', '/rollups?groupBy=owner', '/runs', '/exemptions'])(
    'answers GET %s with 503 and a clear body, without SQL',
    async path => {
      const res = await request(backend.server)
        .get(`${base}${path}`)
        .set('Authorization', userAuth);
      expect(res.status).toBe(503);
      expect(res.body.error).toEqual({
        name: 'ServiceUnavailableError',
        message: 'The readiness database is unavailable; try again later',
      });
    },
  );

  it('answers 503, not 401, when a token cannot be verified meanwhile', async () => {
    const res = await request(backend.server)
      .get(`${base}/search`)
      .set('Authorization', 'Bearer not-verifiable');
    expect(res.status).toBe(503);
    expect(res.body.error.name).toBe('ServiceUnavailableError');
  });
});
