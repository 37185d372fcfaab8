import {
  MockFetchApi,
  mockApis,
  registerMswTestHooks,
} from '@backstage/test-utils';
import { ResponseError } from '@backstage/errors';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  champions,
  checkPack,
  checkoutScorecard,
  checkoutSummary,
  lastRun,
  newExemption,
  ownerRollups,
  paymentsSummary,
  searchResponse,
  trend,
} from '../__testUtils__/fixtures';
import { ReadinessClient } from './ReadinessClient';

const base = 'http://example.com/api/readiness';

describe('ReadinessClient', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  const client = new ReadinessClient({
    discoveryApi: mockApis.discovery(),
    fetchApi: new MockFetchApi({ injectIdentityAuth: { token: 'secret' } }),
  });

  it('gets the check pack with the caller token', async () => {
    let auth: string | null = null;
    server.use(
      http.get(`${base}/checks`, ({ request }) => {
        auth = request.headers.get('authorization');
        return HttpResponse.json(checkPack);
      }),
    );
    await expect(client.getCheckPack()).resolves.toEqual(checkPack);
    expect(auth).toBe('Bearer secret');
  });

  it('keeps the check pack, but not a failure to get it', async () => {
    const fresh = new ReadinessClient({
      discoveryApi: mockApis.discovery(),
      fetchApi: new MockFetchApi(),
    });
    let calls = 0;
    server.use(
      http.get(`${base}/checks`, () => {
        calls += 1;
        return calls === 1
          ? HttpResponse.json(
              {
                error: { name: 'Error', message: 'boom' },
                response: { statusCode: 500 },
              },
              { status: 500 },
            )
          : HttpResponse.json(checkPack);
      }),
    );
    await expect(fresh.getCheckPack()).rejects.toMatchObject({
      statusCode: 500,
    });
    await expect(fresh.getCheckPack()).resolves.toEqual(checkPack);
    await expect(fresh.getCheckPack()).resolves.toEqual(checkPack);
    expect(calls).toBe(2);
  });

  it('gets an entity scorecard by ref string or parts, encoding the path', async () => {
    const paths: string[] = [];
    server.use(
      http.get(`${base}/entities/:kind/:namespace/:name`, ({ request }) => {
        paths.push(new URL(request.url).pathname);
        return HttpResponse.json(checkoutScorecard);
      }),
    );
    await expect(
      client.getEntityScorecard('Component:default/checkout-api'),
    ).resolves.toEqual(checkoutScorecard);
    await client.getEntityScorecard({
      kind: 'component',
      namespace: 'team a',
      name: 'x/y',
    });
    expect(paths).toEqual([
      '/api/readiness/entities/component/default/checkout-api',
      '/api/readiness/entities/component/team%20a/x%2Fy',
    ]);
  });

  it('turns a 404 into a ResponseError with the server message', async () => {
    server.use(
      http.get(`${base}/entities/:kind/:namespace/:name`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'NotFoundError',
              message: 'component:default/x is not scored yet',
            },
            response: { statusCode: 404 },
          },
          { status: 404 },
        ),
      ),
    );
    const error = await client
      .getEntityScorecard('component:default/x')
      .catch(e => e);
    expect(ResponseError.is(error)).toBe(true);
    expect((error as ResponseError).statusCode).toBe(404);
    expect((error as ResponseError).cause.name).toBe('NotFoundError');
    expect((error as ResponseError).cause.message).toBe(
      'component:default/x is not scored yet',
    );
  });

  it('refreshes an entity with a POST', async () => {
    let method = '';
    server.use(
      http.post(
        `${base}/entities/component/default/checkout-api/refresh`,
        ({ request }) => {
          method = request.method;
          return HttpResponse.json(checkoutScorecard);
        },
      ),
    );
    await expect(
      client.refreshEntity('component:default/checkout-api'),
    ).resolves.toEqual(checkoutScorecard);
    expect(method).toBe('POST');
  });

  it('loads summaries in chunks of at most 500 refs', async () => {
    const bodies: string[][] = [];
    server.use(
      http.post(`${base}/summaries`, async ({ request }) => {
        const body = (await request.json()) as { entityRefs: string[] };
        bodies.push(body.entityRefs);
        return HttpResponse.json({
          items: body.entityRefs.slice(0, 1).map(entityRef => ({
            ...checkoutSummary,
            entityRef,
          })),
        });
      }),
    );
    const refs = Array.from(
      { length: 1201 },
      (_, i) => `component:default/c${i}`,
    );
    const items = await client.getSummaries(refs);
    expect(bodies.map(b => b.length).sort()).toEqual([201, 500, 500]);
    expect(items.map(i => i.entityRef).sort()).toEqual([
      'component:default/c0',
      'component:default/c1000',
      'component:default/c500',
    ]);
  });

  it('batches single summary lookups into one request', async () => {
    const bodies: string[][] = [];
    server.use(
      http.post(`${base}/summaries`, async ({ request }) => {
        const body = (await request.json()) as { entityRefs: string[] };
        bodies.push(body.entityRefs);
        return HttpResponse.json({ items: [checkoutSummary, paymentsSummary] });
      }),
    );
    const results = await Promise.all([
      client.getSummary('component:default/checkout-api'),
      client.getSummary('component:default/payments-api'),
      client.getSummary('component:default/not-scored'),
      client.getSummary('Component:default/checkout-api'),
    ]);
    expect(bodies).toEqual([
      [
        'component:default/checkout-api',
        'component:default/payments-api',
        'component:default/not-scored',
      ],
    ]);
    expect(results).toEqual([
      checkoutSummary,
      paymentsSummary,
      undefined,
      checkoutSummary,
    ]);
  });

  it('answers a repeated lookup from memory', async () => {
    let requests = 0;
    server.use(
      http.post(`${base}/summaries`, () => {
        requests += 1;
        return HttpResponse.json({ items: [checkoutSummary] });
      }),
    );
    const fresh = new ReadinessClient({
      discoveryApi: mockApis.discovery(),
      fetchApi: new MockFetchApi(),
    });
    await fresh.getSummary('component:default/checkout-api');
    await expect(
      fresh.getSummary('component:default/checkout-api'),
    ).resolves.toEqual(checkoutSummary);
    await expect(
      fresh.getSummary('component:default/not-scored'),
    ).resolves.toBeUndefined();
    await expect(
      fresh.getSummary('component:default/not-scored'),
    ).resolves.toBeUndefined();
    expect(requests).toBe(2);

    const uncached = new ReadinessClient({
      discoveryApi: mockApis.discovery(),
      fetchApi: new MockFetchApi(),
      summaryCacheMs: 0,
    });
    await uncached.getSummary('component:default/checkout-api');
    await uncached.getSummary('component:default/checkout-api');
    expect(requests).toBe(4);
  });

  it('rejects every batched lookup when the batch fails', async () => {
    server.use(
      http.post(`${base}/summaries`, () =>
        HttpResponse.json(
          {
            error: { name: 'InputError', message: 'too many refs' },
            response: { statusCode: 400 },
          },
          { status: 400 },
        ),
      ),
    );
    const results = await Promise.allSettled([
      client.getSummary('component:default/a'),
      client.getSummary('component:default/b'),
    ]);
    expect(results.map(r => r.status)).toEqual(['rejected', 'rejected']);
  });

  it('searches with repeatable parameters', async () => {
    let search: URLSearchParams | undefined;
    server.use(
      http.get(`${base}/search`, ({ request }) => {
        search = new URL(request.url).searchParams;
        return HttpResponse.json(searchResponse);
      }),
    );
    await expect(
      client.search({
        failing: ['monitoring.alerts', 'tracing.instrumented'],
        owner: ['group:default/team-checkout'],
        levelAtMost: 'silver',
        text: 'check out',
        sort: 'score',
        order: 'asc',
        limit: 50,
        cursor: 'abc',
      }),
    ).resolves.toEqual(searchResponse);
    expect(search!.getAll('failing')).toEqual([
      'monitoring.alerts',
      'tracing.instrumented',
    ]);
    expect(search!.get('owner')).toBe('group:default/team-checkout');
    expect(search!.get('levelAtMost')).toBe('silver');
    expect(search!.get('text')).toBe('check out');
    expect(search!.get('sort')).toBe('score');
    expect(search!.get('order')).toBe('asc');
    expect(search!.get('limit')).toBe('50');
    expect(search!.get('cursor')).toBe('abc');
  });

  it('builds the export URL with the filters but not the paging', async () => {
    const url = await client.getExportUrl(
      { failing: ['delivery.ci'], kind: ['component'], cursor: 'x', limit: 10 },
      'csv',
    );
    expect(url).toBe(
      `${base}/export?failing=delivery.ci&kind=component&format=csv`,
    );
  });

  it('downloads an export with the server file name', async () => {
    let search: URLSearchParams | undefined;
    server.use(
      http.get(`${base}/export`, ({ request }) => {
        search = new URL(request.url).searchParams;
        return new HttpResponse('entityRef,score\ncomponent:default/a,50\n', {
          headers: {
            'Content-Type': 'text/csv',
            'Content-Disposition':
              'attachment; filename="readiness-2025-05-01.csv"',
          },
        });
      }),
    );
    const download = await client.exportEntities(
      { failing: ['delivery.ci'] },
      'csv',
    );
    expect(download.filename).toBe('readiness-2025-05-01.csv');
    expect(await download.blob.text()).toBe(
      'entityRef,score\ncomponent:default/a,50\n',
    );
    expect(search!.get('format')).toBe('csv');
    expect(search!.get('failing')).toBe('delivery.ci');
  });

  it('names an export by date when the file name header is not readable', async () => {
    server.use(
      http.get(`${base}/export`, () =>
        HttpResponse.json([checkoutSummary], {
          headers: { 'Content-Type': 'application/json' },
        }),
      ),
    );
    const download = await client.exportEntities({}, 'json');
    expect(download.filename).toMatch(/^readiness-\d{4}-\d{2}-\d{2}\.json$/);
    expect(JSON.parse(await download.blob.text())).toEqual([checkoutSummary]);
  });

  it('gets roll-ups, trend and champions with their parameters', async () => {
    const seen: string[] = [];
    server.use(
      http.get(`${base}/rollups`, ({ request }) => {
        seen.push(new URL(request.url).search);
        return HttpResponse.json(ownerRollups);
      }),
      http.get(`${base}/trend`, ({ request }) => {
        seen.push(new URL(request.url).search);
        return HttpResponse.json({ points: trend });
      }),
      http.get(`${base}/champions`, ({ request }) => {
        seen.push(new URL(request.url).search);
        return HttpResponse.json(champions);
      }),
    );
    await expect(client.getRollups('owner')).resolves.toEqual(ownerRollups);
    await expect(
      client.getTrend({ days: 30, owner: 'group:default/team-checkout' }),
    ).resolves.toEqual(trend);
    await expect(
      client.getChampions({ checkId: 'monitoring.alerts', limit: 3 }),
    ).resolves.toEqual(champions);
    expect(seen).toEqual([
      '?groupBy=owner',
      '?days=30&owner=group%3Adefault%2Fteam-checkout',
      '?checkId=monitoring.alerts&limit=3',
    ]);
  });

  it('lists, reads and starts runs', async () => {
    server.use(
      http.get(`${base}/runs`, ({ request }) => {
        expect(new URL(request.url).searchParams.get('limit')).toBe('1');
        return HttpResponse.json({ items: [lastRun] });
      }),
      http.get(`${base}/runs/:id`, ({ params }) =>
        HttpResponse.json({ ...lastRun, id: params.id }),
      ),
      http.post(`${base}/runs`, () =>
        HttpResponse.json(
          { ...lastRun, id: 'run-2', status: 'running' },
          { status: 202 },
        ),
      ),
    );
    await expect(client.getRuns({ limit: 1 })).resolves.toEqual([lastRun]);
    await expect(client.getRun('run-1')).resolves.toEqual(lastRun);
    await expect(client.startRun()).resolves.toMatchObject({
      id: 'run-2',
      status: 'running',
    });
  });

  it('lists, creates and deletes exemptions', async () => {
    let created: unknown;
    let deleted = '';
    server.use(
      http.get(`${base}/exemptions`, ({ request }) => {
        const params = new URL(request.url).searchParams;
        expect(params.get('entityRef')).toBe('component:default/checkout-api');
        expect(params.get('checkId')).toBe('monitoring.alerts');
        return HttpResponse.json({ items: [newExemption] });
      }),
      http.post(`${base}/exemptions`, async ({ request }) => {
        created = await request.json();
        return HttpResponse.json(newExemption, { status: 201 });
      }),
      http.delete(`${base}/exemptions/:id`, ({ params }) => {
        deleted = String(params.id);
        return new HttpResponse(null, { status: 204 });
      }),
    );
    await expect(
      client.getExemptions({
        entityRef: 'component:default/checkout-api',
        checkId: 'monitoring.alerts',
      }),
    ).resolves.toEqual([newExemption]);
    const request = {
      entityRef: 'component:default/checkout-api',
      checkId: 'monitoring.alerts',
      reason: 'Batch job, nobody to page',
    };
    await expect(client.createExemption(request)).resolves.toEqual(
      newExemption,
    );
    expect(created).toEqual(request);
    await expect(client.deleteExemption('ex-2')).resolves.toBeUndefined();
    expect(deleted).toBe('ex-2');
  });

  it('rejects a forbidden exemption with the server error', async () => {
    server.use(
      http.delete(`${base}/exemptions/:id`, () =>
        HttpResponse.json(
          {
            error: { name: 'NotAllowedError', message: 'Unauthorized' },
            response: { statusCode: 403 },
          },
          { status: 403 },
        ),
      ),
    );
    await expect(client.deleteExemption('ex-1')).rejects.toMatchObject({
      statusCode: 403,
      cause: { name: 'NotAllowedError' },
    });
  });
});
