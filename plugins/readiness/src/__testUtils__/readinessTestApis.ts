/*
 * Test wiring shared by this package's component tests: a real
 * ReadinessClient against msw handlers, and a permission API.
 */
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { MockFetchApi, mockApis } from '@backstage/test-utils';
import { http, HttpResponse, delay } from 'msw';
import { readinessApiRef } from '../api/ReadinessApi';
import { ReadinessClient } from '../api/ReadinessClient';
import {
  champions,
  checkPack,
  checkoutScorecard,
  lastRun,
  ownerRollups,
  searchResponse,
  trend,
} from './fixtures';

/** Where the mocked readiness backend answers. */
export const readinessBase = 'http://example.com/api/readiness';

/** The APIs for `TestApiProvider`: a readiness client and a permission API. */
export function readinessTestApis(
  options: { permission?: 'ALLOW' | 'DENY' } = {},
) {
  return [
    [
      readinessApiRef,
      new ReadinessClient({
        discoveryApi: mockApis.discovery(),
        fetchApi: new MockFetchApi(),
        summaryBatchWindowMs: 0,
      }),
    ],
    [
      permissionApiRef,
      mockApis.permission({
        authorize:
          options.permission === 'DENY'
            ? AuthorizeResult.DENY
            : AuthorizeResult.ALLOW,
      }),
    ],
  ] as const;
}

/** An error response in the Backstage shape. */
export function errorResponse(status: number, name: string, message: string) {
  return HttpResponse.json(
    { error: { name, message }, response: { statusCode: status } },
    { status },
  );
}

/** A handler that never answers, to observe loading states. */
export function neverAnswer() {
  return delay('infinite');
}

/** Handlers answering every read route with the fixtures. */
export const readinessHandlers = [
  http.get(`${readinessBase}/checks`, () => HttpResponse.json(checkPack)),
  http.get(`${readinessBase}/entities/:kind/:namespace/:name`, () =>
    HttpResponse.json(checkoutScorecard),
  ),
  http.get(`${readinessBase}/search`, () => HttpResponse.json(searchResponse)),
  http.get(`${readinessBase}/rollups`, ({ request }) =>
    HttpResponse.json({
      ...ownerRollups,
      groupBy: new URL(request.url).searchParams.get('groupBy'),
    }),
  ),
  http.get(`${readinessBase}/trend`, () =>
    HttpResponse.json({ points: trend }),
  ),
  http.get(`${readinessBase}/champions`, () => HttpResponse.json(champions)),
  http.get(`${readinessBase}/runs`, () =>
    HttpResponse.json({ items: [lastRun] }),
  ),
  http.get(`${readinessBase}/exemptions`, () =>
    HttpResponse.json({ items: [] }),
  ),
  // No campaigns unless a test serves some (campaignFixtures' handlers,
  // listed before these).
  http.get(`${readinessBase}/campaigns`, () =>
    HttpResponse.json({ items: [] }),
  ),
  http.get(`${readinessBase}/entities/:kind/:namespace/:name/campaigns`, () =>
    HttpResponse.json({ items: [] }),
  ),
];
