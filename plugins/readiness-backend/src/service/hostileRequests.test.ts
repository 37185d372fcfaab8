import { mockCredentials } from '@backstage/backend-test-utils';
import { SEARCH_FILTERS } from '@prodready/plugin-readiness-common';
import request from 'supertest';
import { RESTRICTED_USER } from '../__testUtils__/catalogFixtures';
import { createTestDatabases } from '../__testUtils__/createTestDatabases';
import {
  startReadinessTestBackend,
  type ReadinessTestBackend,
} from '../__testUtils__/startReadinessTestBackend';
import {
  hostileRequestCases,
  type HostileRequestCase,
  type HostileToken,
} from './__fixtures__/hostileRequestCases';
import { spec } from '../schema/openapi.generated';

jest.setTimeout(120_000);

const databases = createTestDatabases();
const base = '/api/readiness';

const TOKENS: Record<HostileToken, string | undefined> = {
  user: mockCredentials.user.header('user:default/jane'),
  restricted: mockCredentials.user.header(RESTRICTED_USER),
  none: undefined,
  forged: 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9.',
};

/** A stack frame (`at fn (file.ts:1:2)`) or an error's `stack` property. */
const STACK = /\bat .*\(?[^\s()]+:\d+:\d+\)?|"stack"\s*:/;
/** SQL text or a database driver's own words. */
const SQL =
  /\b(select\s.+\sfrom|insert\s+into|delete\s+from|update\s+\S+\s+set)\b|sqlite|syntax error|invalid byte sequence|relation "|knex|violates|\bpg_|0x00/i;

function describeCase(c: HostileRequestCase): string {
  const target = `${c.path}${c.query ? `?${c.query}` : ''}`;
  return `${c.method.toUpperCase()} ${
    target.length > 90 ? `${target.slice(0, 90)}…` : target
  } as ${c.token}`;
}

async function send(backend: ReadinessTestBackend, c: HostileRequestCase) {
  const url = `${base}${c.path}${c.query ? `?${c.query}` : ''}`;
  let req = request(backend.server)[c.method](url);
  const token = TOKENS[c.token];
  if (token) {
    req = req.set('Authorization', token);
  }
  if (c.body !== undefined) {
    if (typeof c.body === 'string') {
      req = req
        .set('Content-Type', c.contentType ?? 'application/json')
        .send(c.body);
    } else {
      req = req.send(c.body as object);
    }
  }
  return req;
}

describe('the hostile-request corpus', () => {
  it('sends every operation of the OpenAPI spec but /health without a token and with a forged one', () => {
    const operations = Object.entries(spec.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map(method => `${method} ${path}`),
    );
    const tried = (token: HostileToken) =>
      new Set(
        hostileRequestCases
          .filter(c => c.token === token)
          .map(c => `${c.method} ${c.path}`),
      );
    for (const token of ['none', 'forged'] as const) {
      expect([...tried(token)].sort()).toEqual(
        expect.arrayContaining([
          'get /attestations',
          'get /checks',
          'get /entities/component/default/ledger',
          'get /rollups/component/default/ledger',
          'post /exemptions',
          'post /facts',
        ]),
      );
      expect(tried(token).size).toBe(operations.length - 1);
      expect([...tried(token)].some(route => route.includes('health'))).toBe(
        false,
      );
    }
  });

  it('tries every search filter of the common vocabulary on /search', () => {
    const tried = new Set(
      hostileRequestCases
        .filter(c => c.path === '/search' && c.query)
        .map(c => c.query!.split('=')[0]),
    );
    expect(SEARCH_FILTERS.filter(filter => !tried.has(filter))).toEqual([]);
  });
});

describe.each(databases.eachSupportedId())(
  'hostile requests on %s',
  databaseId => {
    let backend: ReadinessTestBackend;

    beforeAll(async () => {
      const knex = await databases.init(databaseId);
      backend = await startReadinessTestBackend({ knex });
    });

    afterAll(async () => {
      await backend?.stop();
    });

    it(`has at least 200 cases (${hostileRequestCases.length})`, () => {
      expect(hostileRequestCases.length).toBeGreaterThanOrEqual(200);
    });

    it.each(hostileRequestCases.map(c => [describeCase(c), c] as const))(
      '%s',
      async (_title, c) => {
        const res = await send(backend, c);
        const text = res.text ?? '';
        const unauthenticated = c.token === 'none' || c.token === 'forged';
        expect({
          status: res.status,
          below500: res.status < 500,
          leaksStack: STACK.test(text),
          leaksSql: SQL.test(text),
          // An error answer has the Backstage error shape with a message.
          clearBody:
            res.status < 400 || typeof res.body?.error?.message === 'string',
        }).toEqual({
          status: unauthenticated ? 401 : c.status ?? res.status,
          below500: true,
          leaksStack: false,
          leaksSql: false,
          clearBody: true,
        });
      },
    );
  },
);
