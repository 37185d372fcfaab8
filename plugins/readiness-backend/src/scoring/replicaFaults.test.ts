import { createServiceFactory } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import {
  catalogServiceRef,
  type CatalogService,
} from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { RunInfo } from '@prodready/plugin-readiness-common';
import knexFactory, { type Knex } from 'knex';
import type { Server } from 'node:http';
import request from 'supertest';
import { createTestDatabases } from '../__testUtils__/createTestDatabases';
import { readinessPlugin } from '../plugin';
import { RescoreScheduler } from './RescoreScheduler';

/*
 * Fault tests of full runs (issue 11, "runs always end") with two real
 * plugin instances ("replicas") sharing one PostgreSQL database, each with its
 * own connection pool, scheduler and catalog: two replicas racing
 * `POST /runs`, the database terminating every connection mid-run, and a
 * replica killed mid-run. PostgreSQL only: they need real concurrent
 * connections and `pg_terminate_backend`; without
 * `BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING` only the first test
 * runs and says so.
 *
 * The heartbeat interval and the stale interval are options of
 * `RescoreScheduler` that the plugin leaves at their defaults (10 s / 60 s);
 * these tests shorten them by wrapping `RescoreScheduler.create`.
 */

jest.setTimeout(60_000);

const databases = createTestDatabases();
const postgresIds = databases
  .eachSupportedId()
  .map(([id]) => id)
  .filter(id => id.startsWith('POSTGRES'));

const base = '/api/readiness';
const userAuth = mockCredentials.user.header('user:default/jane');

/** Heartbeat interval of running runs in these tests. */
const HEARTBEAT_MS = 200;
/** Time without a heartbeat after which a run counts as dead here. */
const STALE_MS = 2_000;
/** Components in the catalog double (all scored). */
const COMPONENTS = 300;
/** Entities per catalog page, so a run spans many pages and writes. */
const PAGE_SIZE = 20;

const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'team-a', namespace: 'default' },
    spec: { type: 'team', children: [] },
  },
  ...Array.from(
    { length: COMPONENTS },
    (_, i): Entity => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: `svc-${String(i).padStart(3, '0')}`,
        namespace: 'default',
        ...(i % 3 === 0
          ? {
              links: [
                {
                  url: `https://wiki.example.com/runbooks/svc-${i}`,
                  title: 'Runbook',
                  type: 'runbook',
                },
              ],
            }
          : {}),
      },
      spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
    }),
  ),
];

/**
 * A catalog double whose entity pages can be held back: `hold(n)` lets `n`
 * more pages through and makes the following ones wait until `release()`.
 */
class GatedCatalog {
  readonly #inner = catalogServiceMock({ entities });
  #allowance = Infinity;
  #gate: Promise<void> = Promise.resolve();
  #open: () => void = () => {};
  pagesServed = 0;

  hold(pagesFirst = 0): void {
    this.#allowance = pagesFirst;
    this.#gate = new Promise(resolve => {
      this.#open = resolve;
    });
  }

  release(): void {
    this.#allowance = Infinity;
    this.#open();
  }

  factory() {
    const inner = this.#inner;
    const queryEntities: CatalogService['queryEntities'] = async (
      req,
      options,
    ) => {
      if (this.#allowance <= 0) {
        await this.#gate;
      }
      this.#allowance -= 1;
      this.pagesServed += 1;
      return inner.queryEntities(req, options);
    };
    const service = new Proxy(inner as CatalogService, {
      get(target, prop, receiver) {
        return prop === 'queryEntities'
          ? queryEntities
          : Reflect.get(target, prop, receiver);
      },
    });
    return createServiceFactory({
      service: catalogServiceRef,
      deps: {},
      factory: () => service,
    });
  }
}

interface Replica {
  name: string;
  server: Server;
  catalog: GatedCatalog;
  stop(): Promise<void>;
}

async function startReplica(
  name: string,
  knex: Knex,
  catalog: GatedCatalog,
): Promise<Replica> {
  const backend = await startTestBackend({
    features: [
      readinessPlugin,
      catalog.factory(),
      mockServices.database.factory({ knex }),
      // Runs only on request: no run at start-up, none on a timer.
      mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
      mockServices.rootConfig.factory({
        data: {
          readiness: {
            schedule: {
              frequency: { trigger: 'manual' },
              timeout: { minutes: 2 },
            },
            scoring: { pageSize: PAGE_SIZE, concurrency: 4, maxSettleRuns: 0 },
          },
        },
      }),
    ],
  });
  let stopped = false;
  return {
    name,
    server: backend.server,
    catalog,
    stop: async () => {
      if (!stopped) {
        stopped = true;
        await backend.stop();
      }
    },
  };
}

/** Another connection pool to the same database, as another process has. */
function connectAgain(knex: Knex, maxConnections = 5): Knex {
  const { client, connection } = knex.client.config as Knex.Config;
  return knexFactory({
    client,
    connection: { ...(connection as Knex.PgConnectionConfig) },
    pool: { min: 0, max: maxConnections },
  });
}

async function postRun(replica: Replica): Promise<RunInfo> {
  const res = await request(replica.server)
    .post(`${base}/runs`)
    .set('Authorization', userAuth);
  expect(res.status).toBe(202);
  return res.body as RunInfo;
}

async function getRun(replica: Replica, id: string): Promise<RunInfo> {
  const res = await request(replica.server)
    .get(`${base}/runs/${id}`)
    .set('Authorization', userAuth);
  expect(res.status).toBe(200);
  return res.body as RunInfo;
}

function sleep(ms: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, ms));
}

/** Polls `probe` until it returns a value, failing after `timeoutMs`. */
async function until<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs: number,
  intervalMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    }
    await sleep(intervalMs);
  }
}

/** Waits until the run has ended (as either replica reports it). */
function untilEnded(
  replica: Replica,
  id: string,
  timeoutMs: number,
): Promise<RunInfo> {
  return until(
    `run ${id} to end`,
    async () => {
      const run = await getRun(replica, id);
      return run.status === 'running' ? undefined : run;
    },
    timeoutMs,
  );
}

interface RunRowView {
  id: string;
  status: string;
  claimed: boolean | number;
  active: string | null;
  heartbeat_at: string;
  finished_at: string | null;
  errors: string;
}

async function runRows(db: Knex): Promise<RunRowView[]> {
  return db('runs')
    .select('id', 'status', 'claimed', 'active', 'heartbeat_at')
    .select('finished_at', 'errors')
    .orderBy('started_at', 'asc');
}

it(`runs the replica fault tests on PostgreSQL only (here: ${
  postgresIds.length > 0
    ? postgresIds.join(', ')
    : 'none, BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING is not set'
})`, () => {
  expect(postgresIds.every(id => id.startsWith('POSTGRES'))).toBe(true);
});

for (const databaseId of postgresIds) {
  describe(`two replicas on one ${databaseId} database`, () => {
    const cleanups: Array<() => Promise<void>> = [];
    let observer: Knex;
    let knexA: Knex;
    let knexB: Knex;
    let a: Replica;
    let b: Replica;

    beforeEach(async () => {
      const create = RescoreScheduler.create.bind(RescoreScheduler);
      jest.spyOn(RescoreScheduler, 'create').mockImplementation(options =>
        create({
          ...options,
          heartbeatIntervalMs: HEARTBEAT_MS,
          staleAfterMs: STALE_MS,
        }),
      );
      knexA = await databases.init(databaseId);
      knexB = connectAgain(knexA);
      observer = connectAgain(knexA, 1);
      cleanups.push(
        () => knexB.destroy(),
        () => observer.destroy(),
      );
      // One after the other, as a rolling deployment starts them.
      a = await startReplica('A', knexA, new GatedCatalog());
      cleanups.push(() => a.stop());
      b = await startReplica('B', knexB, new GatedCatalog());
      cleanups.push(() => b.stop());
    });

    afterEach(async () => {
      a?.catalog.release();
      b?.catalog.release();
      // Replicas first, then the connection pools they used.
      for (const cleanup of cleanups.splice(0).reverse()) {
        await cleanup().catch(() => undefined);
      }
      jest.restoreAllMocks();
    });

    it('gives 20 simultaneous POST /runs over both replicas exactly one run, which succeeds', async () => {
      a.catalog.hold(1);
      b.catalog.hold(1);

      // Sample the runs table throughout: never more than one running run.
      let sampling = true;
      let maxRunning = 0;
      const sampler = (async () => {
        while (sampling) {
          const [{ count }] = await observer('runs')
            .where('status', 'running')
            .count({ count: '*' });
          maxRunning = Math.max(maxRunning, Number(count));
          await sleep(10);
        }
      })();

      const answers = await Promise.all(
        Array.from({ length: 20 }, (_, i) => postRun(i % 2 ? b : a)),
      );
      const ids = new Set(answers.map(run => run.id));
      expect(ids.size).toBe(1);
      const [id] = [...ids];
      expect(answers.every(run => run.status === 'running')).toBe(true);
      expect((await runRows(observer)).map(row => row.id)).toEqual([id]);

      a.catalog.release();
      b.catalog.release();
      const ended = await untilEnded(b, id, 30_000);
      sampling = false;
      await sampler;

      expect(ended).toMatchObject({
        status: 'succeeded',
        entitiesDone: COMPONENTS,
        entitiesTotal: COMPONENTS,
      });
      expect(maxRunning).toBe(1);
      // No orphan: the one run is the only row, ended, its marker freed.
      expect(await runRows(observer)).toEqual([
        expect.objectContaining({ id, status: 'succeeded', active: null }),
      ]);
      // Only one replica ran it: the other never read the catalog.
      expect(
        [a.catalog.pagesServed, b.catalog.pagesServed].sort((x, y) => x - y),
      ).toEqual([0, expect.any(Number)]);
      expect(
        Math.max(a.catalog.pagesServed, b.catalog.pagesServed),
      ).toBeGreaterThanOrEqual(COMPONENTS / PAGE_SIZE);
    });

    it('ends a run whose database connections are all terminated mid-run, then starts the next one', async () => {
      a.catalog.hold(2);
      const first = await postRun(a);
      // Mid-run: some pages scored and written, the rest still to come.
      await until(
        'the run to have written progress',
        async () => {
          const run = await getRun(b, first.id);
          return run.entitiesDone > 0 ? run : undefined;
        },
        15_000,
      );
      a.catalog.release();

      // Terminate every other connection to the database, again and again,
      // while the run scores and writes the remaining pages.
      let terminated = 0;
      const killer = connectAgain(knexA, 1);
      cleanups.push(() => killer.destroy());
      const started = Date.now();
      for (let round = 0; round < 15; round += 1) {
        const result = await killer.raw(
          `select pg_terminate_backend(pid) as killed from pg_stat_activity
            where datname = current_database() and pid <> pg_backend_pid()`,
        );
        terminated += (result.rows as Array<{ killed: boolean }>).filter(
          row => row.killed,
        ).length;
        const [row] = await killer('runs')
          .select('status')
          .where('id', first.id);
        if (row.status !== 'running') {
          break;
        }
        await sleep(60);
      }
      expect(terminated).toBeGreaterThan(0);

      // The run ends, bounded: by itself (succeeded, the pools reconnected;
      // or failed with the reason), or, when its process could not even
      // record the failure, its heartbeat stops and the next POST /runs marks
      // it failed. It never stays running, and it blocks nothing.
      const settled = await until(
        'the run to end or its heartbeat to go stale',
        async () => {
          const row = (await runRows(observer)).find(r => r.id === first.id);
          if (row && row.status !== 'running') {
            return 'ended by itself';
          }
          return row && Date.now() - Date.parse(row.heartbeat_at) > STALE_MS
            ? 'stale'
            : undefined;
        },
        STALE_MS + 15_000,
      );
      expect(Date.now() - started).toBeLessThan(STALE_MS + 15_000);
      expect(['ended by itself', 'stale']).toContain(settled);

      // The next request starts a new run, which finishes.
      const next = await postRun(b);
      expect(next.id).not.toBe(first.id);
      const ended = await getRun(b, first.id);
      expect(['succeeded', 'failed']).toContain(ended.status);
      expect(ended.finishedAt).toEqual(expect.any(String));
      // A failed run says why.
      expect(ended.status === 'succeeded' || ended.errors.length > 0).toBe(
        true,
      );
      const nextEnded = await untilEnded(a, next.id, 30_000);
      expect(nextEnded).toMatchObject({
        status: 'succeeded',
        entitiesDone: COMPONENTS,
      });
      expect(
        (await runRows(observer)).map(row => [row.status, row.active]),
      ).toEqual([
        [ended.status, null],
        ['succeeded', null],
      ]);
    });

    it('fails the run of a killed replica with the reason once it is stale, and lets the other replica run the next', async () => {
      a.catalog.hold(2);
      const dead = await postRun(a);
      await until(
        'the run to have progress and a heartbeat',
        async () => {
          const [row] = await runRows(observer);
          const run = await getRun(b, dead.id);
          return run.entitiesDone > 0 && row.heartbeat_at > run.startedAt
            ? run
            : undefined;
        },
        15_000,
      );

      // "Kill" replica A: its process can write nothing more (its pool is
      // gone, so no heartbeat and no final update), then it goes away.
      await knexA.destroy();
      await a.stop();
      const [afterKill] = await runRows(observer);
      expect(afterKill).toMatchObject({ id: dead.id, status: 'running' });
      const lastBeat = Date.parse(afterKill.heartbeat_at);

      // Nothing can tell a dead process from a slow one before the stale
      // interval has passed since its last heartbeat: until then B hands back
      // the run in progress and starts no second one.
      const early = await postRun(b);
      const earlyAgeMs = Date.now() - lastBeat;
      expect(early.id === dead.id || earlyAgeMs > STALE_MS).toBe(true);
      await until(
        'the stale interval to pass',
        async () => (Date.now() - lastBeat > STALE_MS + 100 ? true : undefined),
        STALE_MS + 5_000,
      );

      // B's next POST /runs marks the dead run failed, with the reason, and
      // starts a fresh one.
      const fresh = await postRun(b);
      expect(fresh.id).not.toBe(dead.id);
      const failed = await getRun(b, dead.id);
      expect(failed).toMatchObject({
        status: 'failed',
        finishedAt: expect.any(String),
      });
      expect(Date.parse(failed.finishedAt!) - lastBeat).toBeGreaterThan(
        STALE_MS,
      );
      expect(failed.errors).toEqual(
        expect.arrayContaining([
          expect.stringMatching(
            /^Interrupted: no heartbeat since .*the process running it stopped or lost its database/,
          ),
        ]),
      );

      const ended = await untilEnded(b, fresh.id, 30_000);
      expect(ended).toMatchObject({
        status: 'succeeded',
        entitiesDone: COMPONENTS,
      });
      const rows = await runRows(observer);
      expect(rows.map(row => [row.id, row.status, row.active])).toEqual([
        [dead.id, 'failed', null],
        [fresh.id, 'succeeded', null],
      ]);
    });
  });
}
