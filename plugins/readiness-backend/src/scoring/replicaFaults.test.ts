import { createServiceFactory } from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import {
  catalogServiceRef,
  type CatalogService,
} from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { RunInfo } from '@prodready/plugin-readiness-common';
import type { Knex } from 'knex';
import { setTimeout as sleep } from 'node:timers/promises';
import request from 'supertest';
import {
  describeReplicas,
  replicaTestEntities,
  type ReadinessReplica,
  type ReplicaTestContext,
} from '../__testUtils__/describeReplicas';
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

const entities = replicaTestEntities(COMPONENTS, i => i % 3 === 0);

/**
 * A catalog double whose pages of entities to score can be held back:
 * `hold(n)` lets `n` more pages through and makes the following ones wait
 * until `release()`. A page is what a run scores at a time either way: a
 * page of `queryEntities` (unsharded runs) or the `getEntitiesByRefs` of a
 * shard (sharded runs, the default); the list of refs a sharded run plans
 * its shards from (requests with `fields`) is never held.
 */
class GatedCatalog {
  readonly #inner = catalogServiceMock({ entities });
  #allowance = Infinity;
  #gate: Promise<void> = Promise.resolve();
  #open: () => void = () => {};
  /** Cursors of ref listings (`fields` requests), not held. */
  readonly #listingCursors = new Set<string>();
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

  private async page(): Promise<void> {
    if (this.#allowance <= 0) {
      await this.#gate;
    }
    this.#allowance -= 1;
    this.pagesServed += 1;
  }

  factory() {
    const inner = this.#inner;
    const queryEntities: CatalogService['queryEntities'] = async (
      req,
      options,
    ) => {
      const listing =
        req && 'cursor' in req && req.cursor
          ? this.#listingCursors.has(req.cursor)
          : !!(req && 'fields' in req && req.fields);
      if (!listing) {
        await this.page();
      }
      const response = await inner.queryEntities(req, options);
      const next = response.pageInfo.nextCursor;
      if (listing && next) {
        this.#listingCursors.add(next);
      }
      return response;
    };
    const getEntitiesByRefs: CatalogService['getEntitiesByRefs'] = async (
      req,
      options,
    ) => {
      if (!req.fields) {
        await this.page();
      }
      return inner.getEntitiesByRefs(req, options);
    };
    const service = new Proxy(inner as CatalogService, {
      get(target, prop, receiver) {
        if (prop === 'queryEntities') {
          return queryEntities;
        }
        return prop === 'getEntitiesByRefs'
          ? getEntitiesByRefs
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

interface Replica extends ReadinessReplica {
  name: string;
  catalog: GatedCatalog;
}

async function startReplica(
  context: ReplicaTestContext,
  name: string,
  knex: Knex,
  catalog: GatedCatalog,
): Promise<Replica> {
  const replica = await context.startReplica({
    knex,
    catalog: catalog.factory(),
    // Runs only on request: no run at start-up, none on a timer.
    scheduler: mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
    readiness: {
      schedule: {
        frequency: { trigger: 'manual' },
        timeout: { minutes: 2 },
      },
      // Whether runs are sharded (the default) or not, they score
      // PAGE_SIZE entities at a time, so a run spans many pages and writes.
      scoring: {
        pageSize: PAGE_SIZE,
        concurrency: 4,
        maxSettleRuns: 0,
        shards: { size: PAGE_SIZE },
      },
    },
  });
  return Object.assign(replica, { name, catalog });
}

async function getRun(replica: Replica, id: string): Promise<RunInfo> {
  const res = await request(replica.server)
    .get(`${base}/runs/${id}`)
    .set('Authorization', userAuth);
  expect(res.status).toBe(200);
  return res.body as RunInfo;
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

describeReplicas('two replicas', context => {
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
    knexA = await context.createDatabase();
    knexB = context.connectAgain(knexA);
    observer = context.connectAgain(knexA, 1);
    // One after the other, as a rolling deployment starts them.
    a = await startReplica(context, 'A', knexA, new GatedCatalog());
    b = await startReplica(context, 'B', knexB, new GatedCatalog());
  });

  afterEach(() => {
    a?.catalog.release();
    b?.catalog.release();
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
      Array.from({ length: 20 }, (_, i) => (i % 2 ? b : a).startRun()),
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
    // One run scored every entity once: every page of entities read, and
    // one history row per entity and changed check, whoever wrote it.
    expect(
      a.catalog.pagesServed + b.catalog.pagesServed,
    ).toBeGreaterThanOrEqual(COMPONENTS / PAGE_SIZE);
    const duplicates = await observer('check_history')
      .select('entity_ref', 'check_id', 'from_evaluated_at')
      .count({ n: '*' })
      .groupBy('entity_ref', 'check_id', 'from_evaluated_at')
      .havingRaw('count(*) > 1');
    expect(duplicates).toEqual([]);
  });

  it('ends a run whose database connections are all terminated mid-run, then starts the next one', async () => {
    a.catalog.hold(2);
    const first = await a.startRun();
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
    const killer = context.connectAgain(knexA, 1);
    const started = Date.now();
    for (let round = 0; round < 15; round += 1) {
      const result = await killer.raw(
        `select pg_terminate_backend(pid) as killed from pg_stat_activity
            where datname = current_database() and pid <> pg_backend_pid()`,
      );
      terminated += (result.rows as Array<{ killed: boolean }>).filter(
        row => row.killed,
      ).length;
      const [row] = await killer('runs').select('status').where('id', first.id);
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
    const next = await b.startRun();
    expect(next.id).not.toBe(first.id);
    const ended = await getRun(b, first.id);
    expect(['succeeded', 'failed']).toContain(ended.status);
    expect(ended.finishedAt).toEqual(expect.any(String));
    // A failed run says why.
    expect(ended.status === 'succeeded' || ended.errors.length > 0).toBe(true);
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
    const dead = await a.startRun();
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
    const early = await b.startRun();
    const earlyAgeMs = Date.now() - lastBeat;
    expect(early.id === dead.id || earlyAgeMs > STALE_MS).toBe(true);
    await until(
      'the stale interval to pass',
      async () => (Date.now() - lastBeat > STALE_MS + 100 ? true : undefined),
      STALE_MS + 5_000,
    );

    // B's next POST /runs marks the dead run failed, with the reason, and
    // starts a fresh one.
    const fresh = await b.startRun();
    expect(fresh.id).not.toBe(dead.id);
    const failed = await getRun(b, dead.id);
    expect(failed).toMatchObject({
      status: 'failed',
      finishedAt: expect.any(String),
    });
    expect(Date.parse(failed.finishedAt!) - lastBeat).toBeGreaterThan(STALE_MS);
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
