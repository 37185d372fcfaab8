/*
 * Load test: a bounded, mixed read load on the real stack.
 *
 *   npm run bench -- load                       10,000 entities, SQLite
 *   npm run bench -- load --entities 50000
 *   BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING=… npm run bench -- load
 *
 * Starts the same backend as the stack benchmark (bench/stackHarness.ts),
 * runs one full rescore, then sends BENCH_LOAD_RATE requests per second
 * (default 200) for BENCH_LOAD_SECONDS (default 60) from 50 connections over
 * loopback: 70 % scorecards of different components, 10 % searches by gap
 * (several checks and pages), 10 % roll-ups (owner, system, domain), 5 %
 * trend and champions, 5 % CSV exports. Reports errors (non-200 answers and
 * timeouts), the rate achieved and p50/p95/p99. Target: 0 errors and
 * p99 ≤ 250 ms at 200 req/s and 10,000 entities.
 */
import os from 'node:os';
import type { BenchRow } from './run';
import {
  load,
  percentile,
  rescore,
  measureAlone,
  rssOf,
  shuffle,
  startStack,
  type Stack,
} from './stackHarness';

const RATE = Number(process.env.BENCH_LOAD_RATE ?? 200);
const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 60);
const CONNECTIONS = 50;
const CHECKS = [
  'runbook.runbook',
  'tracing.instrumented',
  'monitoring.dashboard',
  'delivery.rollback',
];

/** Runs the load test. */
export async function run(): Promise<BenchRow[]> {
  const stack = await startStack('load');
  const rows: BenchRow[] = [...stack.rows];
  const release = await measureAlone(stack.log);
  try {
    const first = await rescore(stack.client, stack.pid);
    rows.push({
      benchmark: `${stack.label}: full rescore`,
      entities: first.run.entitiesDone,
      seconds: first.seconds,
      entitiesPerSecond: first.run.entitiesDone / first.seconds,
    });
    rows.push(await mixedLoad(stack));
  } finally {
    release();
    await stack.close();
  }
  return rows;
}

/** The mixed read load on a stack whose entities are scored. */
export async function mixedLoad(stack: Stack): Promise<BenchRow> {
  const { label, client, pid, size, log } = stack;
  {
    const knex = stack.readinessKnex();
    const components: Array<{ namespace: string; name: string }> = await knex(
      'entity_scores',
    )
      .select('namespace', 'name')
      .where('kind', 'Component');
    const scorecards = shuffle(
      components.map(
        c =>
          `/api/readiness/entities/component/${
            c.namespace
          }/${encodeURIComponent(c.name)}`,
      ),
    );
    const others = [
      ...CHECKS.flatMap(check => [
        `/api/readiness/search?failing=${check}&limit=25`,
        `/api/readiness/search?passing=${check}&sort=name&limit=50`,
      ]),
      '/api/readiness/search?text=pay&limit=25',
      '/api/readiness/search?levelAtMost=bronze&sort=score&order=asc&limit=25',
    ];
    const rollups = ['owner', 'system', 'domain'].map(
      g => `/api/readiness/rollups?groupBy=${g}`,
    );
    const insights = [
      '/api/readiness/trend?days=90',
      '/api/readiness/champions',
    ];
    // 100 slots: 70 scorecards, 10 searches, 10 roll-ups, 5 insights, 5 exports.
    const paths: string[] = [];
    let s = 0;
    for (let i = 0; paths.length < 20_000; i++) {
      const slot = i % 100;
      if (slot < 70) {
        paths.push(scorecards[s++ % scorecards.length]);
      } else if (slot < 80) {
        paths.push(others[i % others.length]);
      } else if (slot < 90) {
        paths.push(rollups[i % rollups.length]);
      } else if (slot < 95) {
        paths.push(insights[i % insights.length]);
      } else {
        paths.push('/api/readiness/export?format=csv');
      }
    }
    for (const path of new Set([...others, ...rollups, ...insights])) {
      const res = await client.request('GET', path);
      if (res.status !== 200) {
        throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
      }
    }
    log(`${RATE} req/s for ${SECONDS} s`);
    const measured = await load({
      origin: client.origin,
      paths: shuffle(paths, 11),
      authorization: client.authorization,
      connections: CONNECTIONS,
      seconds: SECONDS,
      overallRate: RATE,
    });
    const p99 = percentile(measured.latencies, 99);
    return {
      loadAverage: os.loadavg()[0],
      benchmark: `${label}: mixed reads at ${RATE} req/s for ${SECONDS} s`,
      entities: size,
      p50Ms: percentile(measured.latencies, 50),
      p95Ms: percentile(measured.latencies, 95),
      requestsPerSecond: measured.requests / measured.seconds,
      rssMb: rssOf(pid).rssMb,
      note: `${measured.requests} requests, ${
        measured.errors
      } errors, p99 ${p99.toFixed(1)} ms, max ${measured.latencies[
        measured.latencies.length - 1
      ]?.toFixed(
        1,
      )} ms; 70 % scorecards, 10 % search, 10 % roll-ups, 5 % trend/champions, 5 % CSV export; target 0 errors, p99 ≤ 250 ms`,
    };
  }
}
