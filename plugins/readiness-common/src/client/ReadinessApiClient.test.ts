import { ResponseError } from '@backstage/errors';
import { ReadinessApiClient } from './ReadinessApiClient';

const BASE = 'http://backend.test/api/readiness';

/** A client whose fetch records its calls and answers with `respond`. */
function clientWith(respond: (url: string) => Response) {
  const calls: Array<{ url: string; init?: RequestInit }> = [];
  const client = new ReadinessApiClient({
    discoveryApi: {
      getBaseUrl: async pluginId => `http://backend.test/api/${pluginId}`,
    },
    fetchApi: {
      fetch: async (input, init) => {
        const url = String(input);
        calls.push({ url, init });
        return respond(url);
      },
    },
  });
  return { client, calls };
}

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

describe('ReadinessApiClient', () => {
  it('sends a backend caller token and no body headers on a GET', async () => {
    const { client, calls } = clientWith(() =>
      json({ items: [], totalCount: 0 }),
    );

    await client.search(
      { failing: ['delivery.ci'], limit: 100, include: ['failing'] },
      { token: 'service-token' },
    );

    expect(calls).toEqual([
      {
        url: `${BASE}/search?failing=delivery.ci&limit=100&include=failing`,
        init: {
          method: 'GET',
          headers: { Authorization: 'Bearer service-token' },
        },
      },
    ]);
  });

  it('sends no headers at all when there is neither token nor body', async () => {
    const { client, calls } = clientWith(() =>
      json({ levels: [], categories: [], checks: [] }),
    );

    await client.getCheckPack();

    expect(calls[0]).toEqual({
      url: `${BASE}/checks`,
      init: { method: 'GET' },
    });
  });

  it('addresses an entity by its lower-case kind, namespace and name', async () => {
    const { client, calls } = clientWith(() => json({}));

    await client.getEntityScorecard('Component:default/Payments API');
    await client.refreshEntity({ kind: 'API', namespace: 'shop', name: 'x' });

    expect(calls.map(c => [c.init?.method, c.url])).toEqual([
      ['GET', `${BASE}/entities/component/default/Payments%20API`],
      ['POST', `${BASE}/entities/api/shop/x/refresh`],
    ]);
  });

  it('asks for summaries in chunks of 500 refs', async () => {
    const { client, calls } = clientWith(() => json({ items: [] }));
    const refs = Array.from(
      { length: 501 },
      (_, i) => `component:default/c${i}`,
    );

    await client.getSummaries([...refs, refs[0]]);

    expect(
      calls.map(c => JSON.parse(String(c.init?.body)).entityRefs.length),
    ).toEqual([500, 1]);
  });

  it('turns an error answer into a ResponseError', async () => {
    const { client } = clientWith(() =>
      json(
        {
          error: { name: 'NotFoundError', message: 'not scored' },
          request: { method: 'GET', url: '/entities/component/default/x' },
          response: { statusCode: 404 },
        },
        404,
      ),
    );

    const failure = client.getEntityScorecard('component:default/x');

    await expect(failure).rejects.toBeInstanceOf(ResponseError);
    await expect(failure).rejects.toMatchObject({ statusCode: 404 });
  });

  it('leaves paging out of the export URL', async () => {
    const { client } = clientWith(() => json({}));

    await expect(
      client.getExportUrl(
        { owner: ['team-a'], limit: 10, cursor: 'c', include: ['failing'] },
        'json',
      ),
    ).resolves.toBe(`${BASE}/export?owner=team-a&format=json`);
  });

  it('asks for a promotion preview with one promote parameter per check, and posts a proposed pack', async () => {
    const { client, calls } = clientWith(() => json({ entities: 0 }));

    await client.previewPromotion(['runbook.runbook', 'delivery.ci']);
    await client.previewPackChange(
      { checks: [{ id: 'delivery.ci', level: 'silver' }] },
      { token: 't' },
    );

    expect(calls[0].url).toBe(
      `${BASE}/preview?promote=runbook.runbook&promote=delivery.ci`,
    );
    expect(calls[1]).toEqual({
      url: `${BASE}/preview`,
      init: {
        method: 'POST',
        headers: {
          Authorization: 'Bearer t',
          'Content-Type': 'application/json',
        },
        body: JSON.stringify({
          checks: [{ id: 'delivery.ci', level: 'silver' }],
        }),
      },
    });
  });
});
