/*
 * Backend benchmark: the readiness backend against a synthetic catalog of
 * 10,000 entities served over HTTP by a catalog test double.
 *
 *   npm run bench -- backend
 *
 * The readiness plugin runs in a test backend with its real wiring: the
 * catalog client talks HTTP to the double (bench/catalogTestDouble.ts), the
 * built-in fact providers and the default check pack, the knex store on
 * SQLite in memory (the dev default) and, when
 * BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING or
 * BACKSTAGE_TEST_DATABASE_MYSQL8_CONNECTION_STRING is set, on PostgreSQL or
 * MySQL too. Measured:
 *
 * - full rescore: scheduler trigger to completion, all results inserted;
 * - a second rescore with nothing changed: its seconds and the history rows
 *   it wrote (must be 0);
 * - p50/p95 latency of `GET /search?failing=…` and `GET /rollups?groupBy=owner`
 *   under 20 concurrent keep-alive clients (autocannon, 5 s each after a
 *   2 s warm-up). Search is computed per request (count + keyset page);
 *   roll-ups are cached between writes, so their first (cold) computation is
 *   reported separately.
 *
 * Targets: rescore ≤ 5 s, p95 ≤ 50 ms.
 */
import { performance } from 'node:perf_hooks';
import type { AddressInfo } from 'node:net';
import { Worker } from 'node:worker_threads';
import knexFactory, { type Knex } from 'knex';
import {
  coreServices,
  createServiceFactory,
  type SchedulerService,
  type ServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { readinessPlugin } from '../plugins/readiness-backend/src/plugin';
import type { BenchRow } from './run';
import { startCatalogTestDouble } from './catalogTestDouble';
import { generateSyntheticCatalog } from './syntheticCatalog';

const ENTITIES = 10_000;
const CONNECTIONS = 20;
const WARM_UP_SECONDS = 2;
const MEASURE_SECONDS = 5;
const GAP_CHECK = 'tracing.instrumented';
const TASK_ID = 'readiness-rescore';

interface DatabaseTarget {
  label: string;
  knex: Knex;
  cleanUp(): Promise<void>;
}

async function sqliteTarget(): Promise<DatabaseTarget> {
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: ':memory:',
    useNullAsDefault: true,
  });
  return { label: 'sqlite', knex, cleanUp: () => knex.destroy() };
}

async function postgresTarget(
  connectionString: string,
): Promise<DatabaseTarget> {
  const name = `readiness_bench_${Date.now()}`;
  const admin = knexFactory({ client: 'pg', connection: connectionString });
  await admin.raw(`create database ${name}`);
  const url = new URL(connectionString);
  url.pathname = `/${name}`;
  const knex = knexFactory({ client: 'pg', connection: url.toString() });
  return {
    label: 'postgres',
    knex,
    cleanUp: async () => {
      await knex.destroy();
      await admin.raw(`drop database if exists ${name}`);
      await admin.destroy();
    },
  };
}

async function mysqlTarget(connectionString: string): Promise<DatabaseTarget> {
  const name = `readiness_bench_${Date.now()}`;
  const url = new URL(connectionString);
  url.pathname = '/';
  const admin = knexFactory({ client: 'mysql2', connection: url.toString() });
  await admin.raw(`create database ${name}`);
  url.pathname = `/${name}`;
  const knex = knexFactory({ client: 'mysql2', connection: url.toString() });
  return {
    label: 'mysql',
    knex,
    cleanUp: async () => {
      await knex.destroy();
      await admin.raw(`drop database if exists ${name}`);
      await admin.destroy();
    },
  };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) {
    return NaN;
  }
  const index = Math.min(
    sorted.length - 1,
    Math.max(0, Math.ceil((p / 100) * sorted.length) - 1),
  );
  return sorted[index];
}

/**
 * The load generator runs autocannon in a worker thread, so it does not
 * share the backend's event loop; per-response latencies come back to
 * compute exact percentiles (autocannon's summary has no p95).
 */
const LOAD_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const autocannon = require(workerData.autocannon);
const latencies = [];
let failed = 0;
const instance = autocannon(
  {
    url: workerData.url,
    connections: workerData.connections,
    duration: workerData.seconds,
    headers: { authorization: workerData.authorization },
  },
  (error, result) => {
    parentPort.postMessage({
      error: error ? String(error) : undefined,
      latencies,
      errors: failed + (result ? result.errors : 0),
      requests: latencies.length,
    });
  },
);
instance.on('response', (_client, statusCode, _bytes, time) => {
  if (statusCode !== 200) failed += 1;
  latencies.push(time);
});
`;

async function load(
  url: string,
  authorization: string,
  seconds: number,
): Promise<{ latencies: number[]; errors: number; requests: number }> {
  const worker = new Worker(LOAD_WORKER, {
    eval: true,
    workerData: {
      autocannon: require.resolve('autocannon'),
      url,
      authorization,
      seconds,
      connections: CONNECTIONS,
    },
  });
  const message = await new Promise<{
    error?: string;
    latencies: number[];
    errors: number;
    requests: number;
  }>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  await worker.terminate();
  if (message.error) {
    throw new Error(message.error);
  }
  return {
    latencies: message.latencies.sort((a, b) => a - b),
    errors: message.errors,
    requests: message.requests,
  };
}

async function benchOn(
  target: DatabaseTarget,
  catalogUrl: string,
): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  // The mock scheduler's trigger runs the task to completion, which times it.
  const scheduler = mockServices.scheduler() as SchedulerService & {
    factory(options: { skipTaskRunOnStartup: boolean }): ServiceFactory;
  };
  const discovery = createServiceFactory({
    service: coreServices.discovery,
    deps: {},
    factory: () => ({
      async getBaseUrl(pluginId: string) {
        return pluginId === 'catalog'
          ? catalogUrl
          : `http://127.0.0.1/api/${pluginId}`;
      },
      async getExternalBaseUrl(pluginId: string) {
        return pluginId === 'catalog'
          ? catalogUrl
          : `http://127.0.0.1/api/${pluginId}`;
      },
    }),
  });
  const backend = await startTestBackend({
    features: [
      readinessPlugin,
      discovery,
      scheduler.factory({ skipTaskRunOnStartup: true }),
      mockServices.database.factory({ knex: target.knex }),
      mockServices.rootConfig.factory({
        // BENCH_SHARDS=false: full runs page by page instead of in shards
        // (the default), to compare the single-replica path both ways.
        data: {
          readiness: {
            scoring: {
              maxSettleRuns: 0,
              shards: { enabled: process.env.BENCH_SHARDS !== 'false' },
            },
          },
        },
      }),
    ],
  });
  const { port } = backend.server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}/api/readiness`;
  const authorization = mockCredentials.user.header();
  const count = async (table: string) =>
    Number((await target.knex(table).count({ n: '*' }))[0].n);

  try {
    const rescore = async () => {
      const started = performance.now();
      await scheduler.triggerTask(TASK_ID);
      const seconds = (performance.now() - started) / 1000;
      const res = await fetch(`${base}/runs?limit=1`, {
        headers: { authorization },
      });
      const [run] = (await res.json()).items;
      if (run.status !== 'succeeded') {
        throw new Error(`Rescore ${run.id} ${run.status}: ${run.errors}`);
      }
      return { seconds, run };
    };

    const first = await rescore();
    const results = await count('check_results');
    rows.push({
      benchmark: `backend/${target.label}: full rescore`,
      entities: first.run.entitiesDone,
      seconds: first.seconds,
      entitiesPerSecond: first.run.entitiesDone / first.seconds,
      rssMb: process.memoryUsage().rss / 1e6,
      note: `${
        first.run.entitiesDone
      } entities of the scored kinds in a ${ENTITIES}-entity catalog, ${await count(
        'entity_scores',
      )} scored (the others have no applicable check), ${results} result rows written; target ≤ 5 s`,
    });

    const historyBefore = await count('check_history');
    const second = await rescore();
    const historyWritten = (await count('check_history')) - historyBefore;
    rows.push({
      benchmark: `backend/${target.label}: no-change rescore`,
      entities: second.run.entitiesDone,
      seconds: second.seconds,
      entitiesPerSecond: second.run.entitiesDone / second.seconds,
      note: `history rows written by the no-change rescore: ${historyWritten} (must be 0)`,
    });
    if (historyWritten !== 0) {
      console.log(
        JSON.stringify(await target.knex('check_history').select('*'), null, 0),
      );
      throw new Error(
        `A rescore with no change wrote ${historyWritten} history rows`,
      );
    }

    const routes: Array<[string, string]> = [
      [`search?failing=${GAP_CHECK}`, `GET /search?failing=${GAP_CHECK}`],
      ['rollups?groupBy=owner', 'GET /rollups?groupBy=owner'],
    ];
    for (const [path, label] of routes) {
      const url = `${base}/${path}`;
      const coldStart = performance.now();
      const cold = await fetch(url, { headers: { authorization } });
      const coldMs = performance.now() - coldStart;
      const body = await cold.json();
      await load(url, authorization, WARM_UP_SECONDS);
      const measured = await load(url, authorization, MEASURE_SECONDS);
      if (measured.errors > 0) {
        throw new Error(`${label}: ${measured.errors} failed requests`);
      }
      const matches =
        body.totalCount ?? (body.total?.entities as number | undefined);
      rows.push({
        benchmark: `backend/${target.label}: ${label}`,
        entities: matches,
        p50Ms: percentile(measured.latencies, 50),
        p95Ms: percentile(measured.latencies, 95),
        note: `${
          measured.requests
        } requests from ${CONNECTIONS} clients in ${MEASURE_SECONDS} s (${Math.round(
          measured.requests / MEASURE_SECONDS,
        )}/s); first request ${coldMs.toFixed(1)} ms; target p95 ≤ 50 ms`,
      });
    }
  } finally {
    await backend.stop();
    await target.cleanUp();
  }
  return rows;
}

/** Runs the backend benchmark. */
export async function run(): Promise<BenchRow[]> {
  const entities = generateSyntheticCatalog({ entities: ENTITIES, seed: 42 });
  const catalog = await startCatalogTestDouble(entities);
  const rows: BenchRow[] = [];
  try {
    rows.push(...(await benchOn(await sqliteTarget(), catalog.baseUrl)));
    const pg = process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;
    if (pg) {
      rows.push(...(await benchOn(await postgresTarget(pg), catalog.baseUrl)));
    }
    const mysql = process.env.BACKSTAGE_TEST_DATABASE_MYSQL8_CONNECTION_STRING;
    if (mysql) {
      rows.push(...(await benchOn(await mysqlTarget(mysql), catalog.baseUrl)));
    }
  } finally {
    await catalog.close();
  }
  return rows;
}
