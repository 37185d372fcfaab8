import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type {
  RollupResponse,
  RunInfo,
  SearchResponse,
  TrendPoint,
} from '@prodready/plugin-readiness-common';
import type { Knex } from 'knex';
import type { Server } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import request from 'supertest';
import {
  describeReplicas,
  replicaTestEntities,
  type ReplicaTestContext,
} from '../__testUtils__/describeReplicas';

/*
 * Caches that must agree across replicas (issue 12): two real plugin
 * instances on one PostgreSQL database, each with its own connection pool.
 * Replica B answers roll-ups, trends, searches and exports from memory; a
 * write on replica A (an exemption, which rescores the entity) shows in B's
 * answers at the next request, long before B's cache TTL (an hour here)
 * would have dropped them: B's caches are keyed by the scores version in the
 * database, which A's write bumped in its transaction.
 */

jest.setTimeout(120_000);

const base = '/api/readiness';
const userAuth = mockCredentials.user.header('user:default/jane');
/** Components in the catalog double; every third has a runbook link. */
const COMPONENTS = 30;
const entities = replicaTestEntities(COMPONENTS, i => i % 3 === 0);

async function startReplica(context: ReplicaTestContext, knex: Knex) {
  return context.startReplica({
    knex,
    catalog: catalogServiceMock.factory({ entities }),
    scheduler: mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
    readiness: {
      schedule: { frequency: { trigger: 'manual' }, timeout: { minutes: 2 } },
      scoring: { maxSettleRuns: 0, delta: { enabled: false } },
      // Kept an hour: only the scores version can make them stale here.
      // Read at every request, so the test needs no wait at all.
      cache: { ttl: { hours: 1 }, versionCheckInterval: 0 },
    },
  });
}

async function get<T>(server: Server, path: string): Promise<T> {
  const res = await request(server)
    .get(`${base}${path}`)
    .set('Authorization', userAuth);
  expect(res.status).toBe(200);
  return (res.type === 'application/json' ? res.body : res.text) as T;
}

async function untilEnded(server: Server, id: string): Promise<RunInfo> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const run = await get<RunInfo>(server, `/runs/${id}`);
    if (run.status !== 'running') {
      return run;
    }
    if (Date.now() > deadline) {
      throw new Error(`run ${id} still running after 60 s`);
    }
    await sleep(100);
  }
}

describeReplicas('caches over replicas', context => {
  it("shows a write on replica A in replica B's roll-ups, trend, search and export at once", async () => {
    const knexA = await context.createDatabase();
    const knexB = context.connectAgain(knexA);
    const a = await startReplica(context, knexA);
    const b = await startReplica(context, knexB);
    const run = await a.startRun();
    expect(await untilEnded(a.server, run.id)).toMatchObject({
      status: 'succeeded',
      entitiesDone: COMPONENTS,
    });

    const views = async () => ({
      search: await get<SearchResponse>(
        b.server,
        '/search?failing=runbook.runbook&limit=5',
      ),
      rollups: await get<RollupResponse>(b.server, '/rollups?groupBy=owner'),
      trend: (await get<{ points: TrendPoint[] }>(b.server, '/trend?days=1'))
        .points,
      csv: await get<string>(b.server, '/export?format=csv'),
    });
    const before = await views();
    const failing = (COMPONENTS * 2) / 3;
    expect(before.search.totalCount).toBe(failing);
    expect(before.rollups.total.entities).toBe(COMPONENTS);
    // Warm: B answers the same from memory.
    expect(await views()).toEqual(before);

    // On A: exempt a failing entity from the runbook check.
    const target = before.search.items[0].entityRef;
    const exempted = await request(a.server)
      .post(`${base}/exemptions`)
      .set('Authorization', userAuth)
      .send({
        entityRef: target,
        checkId: 'runbook.runbook',
        reason: 'Batch job with no operator',
      });
    expect(exempted.status).toBe(201);

    // On B, at once: no sleep, B was told nothing.
    const after = await views();
    expect(after.search.totalCount).toBe(failing - 1);
    expect(after.search.items.map(i => i.entityRef)).not.toContain(target);
    expect(after.rollups.total.meanScore).toBeGreaterThan(
      before.rollups.total.meanScore,
    );
    expect(after.trend[after.trend.length - 1].score).toBeGreaterThan(
      before.trend[before.trend.length - 1].score,
    );
    expect(after.csv).not.toEqual(before.csv);
  });
});
