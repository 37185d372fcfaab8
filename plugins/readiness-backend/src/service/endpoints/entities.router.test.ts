import { mockCredentials } from '@backstage/backend-test-utils';
import type { EntityScorecardResponse } from '@prodready/plugin-readiness-common';
import request from 'supertest';
import {
  HIDDEN_REF,
  LIMITED_USER,
  testCatalog,
} from '../../__testUtils__/catalogFixtures';
import {
  startReadinessTestBackend,
  type ReadinessTestBackend,
} from '../../__testUtils__/startReadinessTestBackend';

jest.setTimeout(60_000);

const userAuth = mockCredentials.user.header('user:default/jane');
const limitedAuth = mockCredentials.user.header(LIMITED_USER);
const base = '/api/readiness';
const LEDGER = `${base}/entities/component/default/ledger`;

let backend: ReadinessTestBackend;

beforeAll(async () => {
  backend = await startReadinessTestBackend();
});

afterAll(async () => {
  await backend.stop();
});

const api = () => request(backend.server);

function get(path: string, auth = userAuth) {
  return api().get(path).set('Authorization', auth);
}

/** Exemplar refs offered for each failing check of a scorecard. */
function exemplarRefs(body: EntityScorecardResponse): string[] {
  return body.results.flatMap(r =>
    (r.learnFrom ?? []).map(e => `${r.checkId} ${e.entity.entityRef}`),
  );
}

/** Adds a runbook link to a catalog entity of the test catalog. */
function addRunbook(name: string): void {
  const entity = testCatalog.find(e => e.metadata.name === name)!;
  entity.metadata.links = [
    ...(entity.metadata.links ?? []),
    { url: `https://wiki.example.com/runbooks/${name}`, type: 'runbook' },
  ];
}

/** Requests the scorecard until `done` holds (the learn-from index rebuilds in the background). */
async function until(
  path: string,
  done: (body: EntityScorecardResponse) => boolean,
) {
  for (let attempt = 0; attempt < 40; attempt++) {
    const res = await get(path);
    if (done(res.body)) {
      return res;
    }
    await new Promise(resolve => setTimeout(resolve, 250));
  }
  return get(path);
}

describe('GET /entities/{kind}/{namespace}/{name}: prepared bodies', () => {
  it('answers with a strong ETag, the same bytes again, and 304 when If-None-Match names it', async () => {
    const first = await get(LEDGER);
    expect(first.status).toBe(200);
    expect(first.headers['content-type']).toMatch(/^application\/json/);
    expect(first.headers['cache-control']).toBe('private, no-cache');
    const etag = first.headers.etag;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);

    const again = await get(LEDGER);
    expect(again.headers.etag).toBe(etag);
    expect(again.text).toBe(first.text);

    const notModified = await get(LEDGER).set('If-None-Match', etag);
    expect(notModified.status).toBe(304);
    expect(notModified.text).toBe('');
    expect(notModified.headers.etag).toBe(etag);

    const listed = await get(LEDGER).set('If-None-Match', `"other", W/${etag}`);
    expect(listed.status).toBe(304);

    const otherTag = await get(LEDGER).set('If-None-Match', '"other"');
    expect(otherTag.status).toBe(200);
    expect(otherTag.text).toBe(first.text);
  });

  it('sends gzip to clients that accept it, with its own ETag, and the same JSON', async () => {
    const plain = await get(LEDGER).set('Accept-Encoding', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    const gzipped = await get(LEDGER).set('Accept-Encoding', 'gzip');
    expect(gzipped.status).toBe(200);
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.headers.vary).toMatch(/Accept-Encoding/);
    expect(gzipped.headers.etag).toBe(`${plain.headers.etag.slice(0, -1)}-gz"`);
    expect(gzipped.body).toEqual(plain.body);

    const refused = await get(LEDGER).set('Accept-Encoding', 'gzip;q=0');
    expect(refused.headers['content-encoding']).toBeUndefined();

    const revalidated = await get(LEDGER)
      .set('Accept-Encoding', 'gzip')
      .set('If-None-Match', gzipped.headers.etag);
    expect(revalidated.status).toBe(304);
  });

  it("gives a caller who may not read an exemplar another body and ETag, and never serves a hidden entity's scorecard", async () => {
    const everyone = await get(LEDGER);
    const limited = await get(LEDGER, limitedAuth);
    expect(limited.status).toBe(200);
    expect(exemplarRefs(everyone.body).join('\n')).toContain(HIDDEN_REF);
    expect(exemplarRefs(limited.body).join('\n')).not.toContain(HIDDEN_REF);
    expect(limited.headers.etag).not.toBe(everyone.headers.etag);

    const hidden = `${base}/entities/component/default/secret-svc`;
    const visible = await get(hidden);
    expect(visible.status).toBe(200);
    const refused = await get(hidden, limitedAuth).set(
      'If-None-Match',
      visible.headers.etag,
    );
    expect(refused.status).toBe(404);
    expect(refused.body.error.name).toBe('NotFoundError');
  });

  it("serves a new body and ETag when another entity's rescore changes what the entity learns from", async () => {
    const before = await get(LEDGER);
    expect(exemplarRefs(before.body)).toContain(
      'runbook.runbook component:default/payments-api',
    );
    const payments = testCatalog.find(e => e.metadata.name === 'payments-api')!;
    payments.metadata.links = payments.metadata.links?.filter(
      link => link.type !== 'runbook',
    );
    const refreshed = await api()
      .post(`${base}/entities/component/default/payments-api/refresh`)
      .set('Authorization', userAuth);
    expect(refreshed.status).toBe(200);

    // ledger itself did not change; its exemplar stopped passing.
    const after = await until(
      LEDGER,
      body =>
        !exemplarRefs(body).includes(
          'runbook.runbook component:default/payments-api',
        ),
    );
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect(exemplarRefs(after.body)).not.toContain(
      'runbook.runbook component:default/payments-api',
    );
  });

  it('serves a new body and ETag after a rescore of the entity', async () => {
    const before = await get(LEDGER);
    addRunbook('ledger');
    const refreshed = await api()
      .post(`${LEDGER}/refresh`)
      .set('Authorization', userAuth);
    expect(refreshed.status).toBe(200);
    const after = await get(LEDGER);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    const runbook = (after.body as EntityScorecardResponse).results.find(
      r => r.checkId === 'runbook.runbook',
    );
    expect(runbook?.state).toBe('pass');
  });

  it("serves a new body and ETag once the entity's own results change (exemption)", async () => {
    const before = await get(LEDGER);
    const created = await api()
      .post(`${base}/exemptions`)
      .set('Authorization', userAuth)
      .send({
        entityRef: 'component:default/ledger',
        checkId: 'logging.logs',
        reason: 'Batch job without logs of its own',
      });
    expect(created.status).toBe(201);
    const after = await get(LEDGER);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    const logs = (after.body as EntityScorecardResponse).results.find(
      r => r.checkId === 'logging.logs',
    );
    expect(logs?.state).toBe('exempt');
    const stale = await get(LEDGER).set('If-None-Match', before.headers.etag);
    expect(stale.status).toBe(200);
  });
});
