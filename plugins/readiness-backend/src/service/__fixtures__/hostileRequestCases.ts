import { SEARCH_QUERY_KEYS } from '@prodready/plugin-readiness-common';
import { spec } from '../../schema/openapi.generated';
import { FORGED_CURSORS, HOSTILE_TEXT, HOSTILE_VALUES } from './hostileValues';

/**
 * Who sends a hostile request: a user who may do everything, the restricted
 * user of the test catalog (no readiness permission, some entities hidden),
 * no token at all, or a token that is not one.
 *
 * @internal
 */
export type HostileToken = 'user' | 'restricted' | 'none' | 'forged';

/**
 * One request of the hostile-request corpus. `path` and `query` are sent as
 * written (already percent-encoded as an attacker would); `body` is sent as
 * JSON, or as raw text with `contentType` when it is a string.
 *
 * @internal
 */
export interface HostileRequestCase {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Path below `/api/readiness`. */
  path: string;
  query?: string;
  body?: unknown;
  contentType?: string;
  token: HostileToken;
  /** The status expected, when one is; otherwise any status below 500. */
  status?: number;
}

const ENTITY = 'component/default/ledger';

/**
 * Query parameters of `/search`: every one it understands, from the single
 * source of the search vocabulary (forged cursors have their own cases).
 */
const SEARCH_PARAMS = SEARCH_QUERY_KEYS.filter(key => key !== 'cursor');

function manyValues(count: number, prefix: string): string {
  return Array.from({ length: count }, (_, i) => `${prefix}${i}`).join(',');
}

/** Query or body that makes a plain request of a route valid. */
const PLAIN_REQUESTS: Record<
  string,
  Pick<HostileRequestCase, 'query' | 'body'>
> = {
  'post /summaries': { body: { entityRefs: [] } },
  'get /rollups': { query: 'groupBy=owner' },
  'post /exemptions': {
    body: {
      entityRef: 'component:default/ledger',
      checkId: 'runbook.runbook',
      reason: 'x',
    },
  },
};

const PATH_PARAMS: Record<string, string> = {
  kind: 'component',
  namespace: 'default',
  name: 'ledger',
};

/**
 * Every operation of the OpenAPI spec that needs a token (all but those
 * declaring `security: []`), each as one plain request: a route added to
 * the spec is tried without a token and with a forged one.
 */
function authenticatedRoutes(): Array<
  Pick<HostileRequestCase, 'method' | 'path' | 'query' | 'body'>
> {
  return Object.entries(spec.paths).flatMap(([template, operations]) =>
    Object.entries(operations as Record<string, { security?: unknown[] }>)
      .filter(([, operation]) => operation.security?.length !== 0)
      .map(([method]) => ({
        method: method as HostileRequestCase['method'],
        path: template.replace(
          /\{(\w+)\}/g,
          (_, param: string) => PATH_PARAMS[param] ?? 'some-id',
        ),
        ...PLAIN_REQUESTS[`${method} ${template}`],
      })),
  );
}

function build(): HostileRequestCase[] {
  const cases: HostileRequestCase[] = [];
  const add = (c: HostileRequestCase) => cases.push(c);

  // Authentication: no token and forged tokens get 401 everywhere.
  for (const route of authenticatedRoutes()) {
    add({ ...route, token: 'none', status: 401 });
    add({ ...route, token: 'forged', status: 401 });
  }

  // Entity refs in the path: every part, read and refresh.
  for (const value of HOSTILE_VALUES) {
    add({
      method: 'get',
      path: `/entities/${value}/default/ledger`,
      token: 'user',
    });
    add({
      method: 'get',
      path: `/entities/component/${value}/ledger`,
      token: 'user',
    });
    add({
      method: 'get',
      path: `/entities/component/default/${value}`,
      token: 'user',
    });
    add({
      method: 'post',
      path: `/entities/${value}/default/ledger/refresh`,
      token: 'user',
    });
  }
  add({
    method: 'get',
    path: '/entities/%2E%2E/%2E%2E/entities',
    token: 'user',
    status: 400,
  });
  add({
    method: 'post',
    path: '/entities/%2E%2E/%2E%2E/entities/refresh',
    token: 'user',
    status: 400,
  });
  add({
    method: 'get',
    path: '/entities/component/default/a%2Fb',
    token: 'user',
    status: 400,
  });
  add({
    method: 'get',
    path: '/entities/comp%2Fonent/default/ledger',
    token: 'user',
    status: 400,
  });
  add({
    method: 'post',
    path: '/entities/component/default/..%2F..%2Flocations/refresh',
    token: 'restricted',
  });

  // Search filters: every parameter with every hostile value.
  // The first ten values (traversal, slashes, control characters) on every
  // parameter; every value on the free-text search, through the export.
  for (const param of SEARCH_PARAMS) {
    for (const value of HOSTILE_VALUES.slice(0, 10)) {
      add({
        method: 'get',
        path: '/search',
        query: `${param}=${value}`,
        token: 'user',
      });
    }
  }
  for (const value of HOSTILE_VALUES) {
    add({
      method: 'get',
      path: '/export',
      query: `text=${value}`,
      token: 'user',
    });
  }
  add({
    method: 'get',
    path: '/search',
    query: 'text=a%00b',
    token: 'user',
    status: 400,
  });
  add({
    method: 'get',
    path: '/export',
    query: 'format=csv&owner=%00',
    token: 'user',
    status: 400,
  });

  // Forged cursors.
  for (const { query } of FORGED_CURSORS) {
    add({ method: 'get', path: '/search', query, token: 'user', status: 400 });
  }

  // Oversized filters: too many values give a clear 400.
  add({
    method: 'get',
    path: '/search',
    query: `owner=${manyValues(1000, 'g')}`,
    token: 'user',
    status: 400,
  });
  add({
    method: 'get',
    path: '/search',
    query: `kind=${manyValues(1000, 'k')}`,
    token: 'user',
    status: 400,
  });
  add({
    method: 'get',
    path: '/search',
    query: `failing=${manyValues(600, 'c')}`,
    token: 'user',
    status: 400,
  });
  add({
    method: 'get',
    path: '/search',
    query: Array.from({ length: 600 }, (_, i) => `tier=t${i}`).join('&'),
    token: 'user',
    status: 400,
  });
  add({
    method: 'get',
    path: '/export',
    query: `system=${manyValues(1000, 's')}`,
    token: 'user',
    status: 400,
  });

  // Trend, champions, roll-ups.
  for (const value of HOSTILE_VALUES) {
    add({
      method: 'get',
      path: '/trend',
      query: `owner=${value}`,
      token: 'user',
    });
    add({
      method: 'get',
      path: '/champions',
      query: `checkId=${value}`,
      token: 'user',
    });
  }
  for (const query of [
    'days=-1',
    'days=1e9',
    'days=abc',
    'days=%00',
    'limit=-5',
    'groupBy=%00',
  ]) {
    add({ method: 'get', path: '/trend', query, token: 'user' });
    add({ method: 'get', path: '/champions', query, token: 'user' });
    add({ method: 'get', path: '/rollups', query, token: 'user' });
  }
  add({
    method: 'get',
    path: '/trend',
    query: 'owner=team-a%00',
    token: 'user',
    status: 400,
  });

  // Runs.
  for (const value of HOSTILE_VALUES) {
    add({ method: 'get', path: `/runs/${value}`, token: 'user' });
  }
  add({ method: 'get', path: '/runs/a%00b', token: 'user', status: 400 });
  add({
    method: 'get',
    path: '/runs',
    query: 'limit=99999999999999999999',
    token: 'user',
  });

  // Exemptions.
  for (const value of HOSTILE_VALUES) {
    add({
      method: 'get',
      path: '/exemptions',
      query: `entityRef=${value}`,
      token: 'user',
    });
    add({ method: 'delete', path: `/exemptions/${value}`, token: 'user' });
  }
  add({
    method: 'delete',
    path: '/exemptions/a%00b',
    token: 'user',
    status: 400,
  });
  const exemption = {
    entityRef: 'component:default/ledger',
    checkId: 'runbook.runbook',
    reason: 'Batch job',
  };
  for (const text of HOSTILE_TEXT) {
    add({
      method: 'post',
      path: '/exemptions',
      body: { ...exemption, entityRef: text },
      token: 'user',
    });
    add({
      method: 'post',
      path: '/exemptions',
      body: { ...exemption, checkId: text },
      token: 'user',
    });
    add({
      method: 'post',
      path: '/exemptions',
      body: { ...exemption, reason: text },
      token: 'restricted',
    });
    add({
      method: 'post',
      path: '/summaries',
      body: { entityRefs: [text] },
      token: 'user',
    });
  }
  add({
    method: 'post',
    path: '/exemptions',
    body: { ...exemption, reason: 'a\u0000b' },
    token: 'user',
    status: 400,
  });
  add({
    method: 'post',
    path: '/exemptions',
    body: { ...exemption, entityRef: 'component:default/a\u0000' },
    token: 'user',
    status: 400,
  });
  add({
    method: 'post',
    path: '/summaries',
    body: { entityRefs: ['component:default/\u0000'] },
    token: 'user',
    status: 400,
  });
  for (const expiresAt of [
    '2099-02-30T00:00:00Z',
    '9999999-01-01T00:00:00Z',
    '\u0000',
    '2099-01-01T00:00:00+99:00',
  ]) {
    add({
      method: 'post',
      path: '/exemptions',
      body: { ...exemption, expiresAt },
      token: 'user',
    });
  }

  // Malformed bodies and methods.
  const raw: Array<[string, string]> = [
    ['application/json', '{'],
    ['application/json', 'null'],
    ['application/json', '[]'],
    ['application/json', '"x"'],
    ['application/json', '{"entityRefs": "component:default/a"}'],
    ['application/json', '{"entityRefs": [1, {}, null]}'],
    ['application/json', '{"__proto__": {"polluted": true}, "entityRefs": []}'],
    ['text/plain', 'entityRefs=a'],
    ['application/x-www-form-urlencoded', 'entityRefs=a'],
  ];
  for (const [contentType, body] of raw) {
    add({
      method: 'post',
      path: '/summaries',
      body,
      contentType,
      token: 'user',
    });
    add({
      method: 'post',
      path: '/exemptions',
      body,
      contentType,
      token: 'user',
    });
  }
  add({
    method: 'post',
    path: '/summaries',
    body: {
      entityRefs: Array.from(
        { length: 501 },
        (_, i) => `component:default/c${i}`,
      ),
    },
    token: 'user',
    status: 400,
  });
  for (const method of ['put', 'patch', 'delete'] as const) {
    add({ method, path: '/checks', token: 'user' });
    add({ method, path: `/entities/${ENTITY}`, token: 'user' });
  }
  add({ method: 'get', path: '/no-such-route', token: 'user' });
  add({
    method: 'get',
    path: '/search',
    query: 'limit=10&limit=20',
    token: 'user',
  });
  add({ method: 'get', path: '/search', query: 'owner[$ne]=x', token: 'user' });
  add({
    method: 'get',
    path: '/search',
    query: 'text[]=a&text[]=b',
    token: 'user',
  });
  return cases;
}

/**
 * The hostile-request corpus: malformed, oversized and injected input on
 * every route and parameter, forged cursors and tokens. Every case must be
 * answered below 500, with no stack trace or SQL in the body.
 *
 * @internal
 */
export const hostileRequestCases: HostileRequestCase[] = build();
