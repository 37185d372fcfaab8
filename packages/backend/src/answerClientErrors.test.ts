import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerClientErrors } from './answerClientErrors';

describe('answerClientErrors', () => {
  let server: Server;
  let base: string;

  beforeAll(async () => {
    server = createServer((_req, res) => res.end('ok'));
    answerClientErrors(server);
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise(resolve => server.close(resolve));
  });

  it('answers a query string over the header limit with a JSON 431', async () => {
    const owners = Array.from(
      { length: 3000 },
      (_, i) => `owner=group:default/team-${i}`,
    ).join('&');
    const response = await fetch(`${base}/api/readiness/search?${owners}`);
    expect(response.status).toBe(431);
    expect(await response.json()).toEqual({
      error: {
        name: 'InputError',
        message: expect.stringContaining('too large'),
      },
      response: { statusCode: 431 },
    });
  });

  it('leaves ordinary requests alone', async () => {
    const response = await fetch(`${base}/api/readiness/search?owner=a`);
    expect(await response.text()).toBe('ok');
  });
});
