/*
 * Stack benchmark: a real Backstage backend (real catalog backend, guest
 * sign-in, allow-all permissions, the readiness plugin) over a generated
 * catalog, measured over HTTP from outside its process.
 *
 *   npm run bench -- stack                     10,000 entities, SQLite file
 *   npm run bench -- stack --entities 50000    50,000 entities
 *   BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING=postgresql://postgres@127.0.0.1:5432 \
 *     npm run bench -- stack                   on PostgreSQL (fresh databases, dropped after)
 *
 * On SQLite the catalog's database is in memory (BENCH_CATALOG_SQLITE_FILE=true
 * puts it in a file too: its ingestion then takes over an hour at 10,000
 * entities on a busy 2-core machine); readiness uses a SQLite file.
 *
 * Steps: write the synthetic catalog (bench/syntheticCatalog.ts) as YAML into
 * a temporary directory and register it as a `file` location; start
 * bench/stackBackend.ts in a child process with NODE_ENV=production on port
 * BENCH_STACK_PORT (default 7150); wait until the catalog has ingested every
 * entity; start a full rescore through `POST /runs` and wait for it (its
 * server-side run time is reported); run a second rescore with nothing
 * changed (history rows it wrote must be 0); then load each route people use
 * with autocannon at 1 and at 20 connections (BENCH_SECONDS each, default 10,
 * after a 2 s warm-up): one entity's scorecard over every scored component
 * name in turn, search, roll-ups, trend, champions and the CSV export. Last,
 * a catalog change: a runbook link is added to one failing component in the
 * YAML, the location refreshed, and the times until the catalog shows it and
 * until its refreshed scorecard passes are reported. The backend's RSS (now
 * and peak, from /proc) is reported after each phase.
 *
 * Rows are printed by bench/run.ts; the full result is also written to
 * bench/out/stack-<database>-<entities>.json (git-ignored).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import knexFactory, { type Knex } from 'knex';
import { stringify } from 'yaml';
import type { Entity } from '@backstage/catalog-model';
import type { BenchRow } from './run';
import { generateSyntheticCatalog } from './syntheticCatalog';

const PORT = Number(process.env.BENCH_STACK_PORT ?? 7150);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARM_UP_SECONDS = 2;
const GAP_CHECK = 'runbook.runbook';
const INGESTION_TIMEOUT_MS = 60 * 60 * 1000;
const RUN_TIMEOUT_MS = 30 * 60 * 1000;

interface LoadResult {
  latencies: number[];
  errors: number;
  requests: number;
  seconds: number;
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

function sleep(ms: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, ms));
}

/** Resident set size (now and peak) of a process, in MB, from /proc. */
function rssOf(pid: number): { rssMb: number; peakMb: number } {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) =>
      Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
    return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
  } catch {
    return { rssMb: NaN, peakMb: NaN };
  }
}

/**
 * autocannon in a worker thread, so the load generator does not share this
 * event loop; every response's latency comes back for exact percentiles.
 * `paths` are requested in turn, one per request.
 */
const LOAD_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const autocannon = require(workerData.autocannon);
const latencies = [];
let failed = 0;
let next = 0;
const paths = workerData.paths;
const started = Date.now();
autocannon(
  {
    url: workerData.origin,
    connections: workerData.connections,
    duration: workerData.seconds,
    headers: { authorization: workerData.authorization },
    requests: [
      {
        setupRequest: req => {
          req.path = paths[next++ % paths.length];
          return req;
        },
      },
    ],
  },
  (error, result) => {
    parentPort.postMessage({
      error: error ? String(error) : undefined,
      latencies,
      errors: failed + (result ? result.errors + result.timeouts : 0),
      requests: latencies.length,
      seconds: (Date.now() - started) / 1000,
    });
  },
).on('response', (_client, statusCode, _bytes, time) => {
  if (statusCode !== 200) failed += 1;
  latencies.push(time);
});
`;

async function load(options: {
  origin: string;
  paths: string[];
  authorization: string;
  connections: number;
  seconds: number;
}): Promise<LoadResult> {
  const worker = new Worker(LOAD_WORKER, {
    eval: true,
    workerData: { ...options, autocannon: require.resolve('autocannon') },
  });
  const message = await new Promise<LoadResult & { error?: string }>(
    (resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    },
  );
  await worker.terminate();
  if (message.error) {
    throw new Error(message.error);
  }
  return { ...message, latencies: message.latencies.sort((a, b) => a - b) };
}

interface DatabaseSetup {
  label: string;
  /** `backend.database` config. */
  config: Record<string, unknown>;
  /** A knex client on the readiness plugin's database (after startup). */
  readinessKnex(): Knex;
  cleanUp(): Promise<void>;
}

function sqliteSetup(dir: string): DatabaseSetup {
  const directory = path.join(dir, 'sqlite');
  let knex: Knex | undefined;
  return {
    label: 'sqlite',
    config: {
      client: 'better-sqlite3',
      connection: { directory },
      // The catalog's own database in memory: on a SQLite file its
      // ingestion of 10,000 entities takes over an hour on a busy 2-core
      // machine. Readiness keeps its SQLite file.
      plugin:
        process.env.BENCH_CATALOG_SQLITE_FILE === 'true'
          ? {}
          : { catalog: { connection: ':memory:' } },
    },
    readinessKnex() {
      knex ??= knexFactory({
        client: 'better-sqlite3',
        connection: { filename: path.join(directory, 'readiness.sqlite') },
        useNullAsDefault: true,
      });
      return knex;
    },
    async cleanUp() {
      await knex?.destroy();
    },
  };
}

function postgresSetup(connectionString: string): DatabaseSetup {
  const url = new URL(connectionString);
  const prefix = `perf_stack_${Date.now()}_`;
  let knex: Knex | undefined;
  return {
    label: 'postgres',
    config: {
      client: 'pg',
      prefix,
      connection: {
        host: url.hostname,
        port: Number(url.port || 5432),
        user: decodeURIComponent(url.username || 'postgres'),
        password: decodeURIComponent(url.password) || undefined,
      },
    },
    readinessKnex() {
      const own = new URL(connectionString);
      own.pathname = `/${prefix}readiness`;
      knex ??= knexFactory({ client: 'pg', connection: own.toString() });
      return knex;
    },
    async cleanUp() {
      await knex?.destroy();
      const admin = knexFactory({ client: 'pg', connection: connectionString });
      try {
        const { rows } = await admin.raw(
          'select datname from pg_database where datname like ?',
          [`${prefix}%`],
        );
        for (const { datname } of rows as Array<{ datname: string }>) {
          await admin.raw(`drop database if exists "${datname}" with (force)`);
        }
      } finally {
        await admin.destroy();
      }
    },
  };
}

function writeConfig(
  file: string,
  catalogFile: string,
  database: Record<string, unknown>,
): void {
  const config = {
    app: { baseUrl: `http://127.0.0.1:${PORT}` },
    backend: {
      baseUrl: `http://127.0.0.1:${PORT}`,
      listen: { port: PORT, host: '127.0.0.1' },
      database,
    },
    auth: {
      environment: 'production',
      providers: { guest: { dangerouslyAllowOutsideDevelopment: true } },
    },
    permission: { enabled: true },
    catalog: {
      rules: [
        {
          allow: [
            'Component',
            'System',
            'API',
            'Resource',
            'Location',
            'Group',
            'User',
            'Domain',
          ],
        },
      ],
      locations: [{ type: 'file', target: catalogFile }],
    },
    readiness: {
      // Rescores only when the benchmark asks.
      schedule: {
        frequency: { hours: 24 },
        timeout: { minutes: 30 },
        // The scheduler polls for triggers only after the initial delay: a
        // short one, the first run sees an empty catalog.
        initialDelay: { seconds: 1 },
      },
      scoring: { maxSettleRuns: 0 },
    },
  };
  fs.writeFileSync(file, stringify(config));
}

function writeCatalog(file: string, entities: Entity[]): void {
  fs.writeFileSync(
    file,
    entities.map(e => stringify(e, { lineWidth: 0 })).join('---\n'),
  );
}

class StackClient {
  token = '';
  constructor(readonly origin: string) {}

  get authorization(): string {
    return `Bearer ${this.token}`;
  }

  async signIn(): Promise<void> {
    const res = await fetch(`${this.origin}/api/auth/guest/refresh`, {
      headers: { 'x-requested-with': 'XMLHttpRequest' },
    });
    if (!res.ok) {
      throw new Error(`guest sign-in: ${res.status} ${await res.text()}`);
    }
    const body = await res.json();
    this.token = body.backstageIdentity.token;
  }

  async request<T>(
    method: string,
    urlPath: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }> {
    const res = await fetch(`${this.origin}${urlPath}`, {
      method,
      headers: {
        authorization: this.authorization,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON (CSV)
    }
    return { status: res.status, body: parsed as T };
  }
}

async function waitFor<T>(
  what: string,
  timeoutMs: number,
  probe: () => Promise<T | undefined>,
  intervalMs = 1000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await sleep(intervalMs);
  }
}

interface RunInfo {
  id: string;
  status: string;
  startedAt: string;
  finishedAt?: string;
  entitiesDone: number;
  errors: string[];
}

/** Starts a full rescore and waits for it; returns it and the peak RSS seen. */
async function rescore(
  client: StackClient,
  pid: number,
): Promise<{ run: RunInfo; seconds: number; wallSeconds: number }> {
  const started = performance.now();
  const { status, body } = await client.request<RunInfo>(
    'POST',
    '/api/readiness/runs',
  );
  if (status !== 202) {
    throw new Error(`POST /runs: ${status} ${JSON.stringify(body)}`);
  }
  const run = await waitFor(
    `run ${body.id}`,
    RUN_TIMEOUT_MS,
    async () => {
      rssOf(pid);
      const res = await client.request<RunInfo>(
        'GET',
        `/api/readiness/runs/${body.id}`,
      );
      return ['running', 'requested'].includes(res.body.status)
        ? undefined
        : res.body;
    },
    250,
  );
  const wallSeconds = (performance.now() - started) / 1000;
  if (run.status !== 'succeeded') {
    throw new Error(`run ${run.id} ${run.status}: ${run.errors.join('; ')}`);
  }
  return {
    run,
    seconds:
      (Date.parse(run.finishedAt ?? '') - Date.parse(run.startedAt)) / 1000,
    wallSeconds,
  };
}

function shuffle<T>(items: T[], seed = 7): T[] {
  const out = [...items];
  let a = seed;
  for (let i = out.length - 1; i > 0; i--) {
    a = (a * 1103515245 + 12345) % 2147483648;
    const j = a % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Stops the backend's process group and waits for it to exit. */
async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) {
    return;
  }
  const exited = new Promise<void>(resolve =>
    child.once('exit', () => resolve()),
  );
  process.kill(-child.pid, 'SIGTERM');
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // gone
    }
  }, 10_000);
  await exited;
  clearTimeout(timer);
}

/** Runs the stack benchmark. */
export async function run(): Promise<BenchRow[]> {
  const size = Number(process.env.BENCH_ENTITIES ?? 10_000);
  const pg = process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'perf-stack-'));
  const database = pg ? postgresSetup(pg) : sqliteSetup(dir);
  const label = `stack/${database.label}`;
  const rows: BenchRow[] = [];
  const log = (text: string) =>
    process.stderr.write(`[${new Date().toISOString()}] ${text}\n`);

  const entities = generateSyntheticCatalog({ entities: size, seed: 42 });
  const catalogFile = path.join(dir, 'catalog.yaml');
  writeCatalog(catalogFile, entities);
  const configFile = path.join(dir, 'app-config.yaml');
  writeConfig(configFile, catalogFile, database.config);
  const logFile = path.join(dir, 'backend.log');
  const out = fs.openSync(logFile, 'a');
  log(`${size} entities, ${database.label}, backend log ${logFile}`);

  const repoRoot = path.resolve(__dirname, '..');
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(__dirname, 'stackBackend.ts'),
      '--config',
      configFile,
    ],
    {
      cwd: repoRoot,
      env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'warn' },
      stdio: ['ignore', out, out],
      detached: true,
    },
  );
  const pid = child.pid!;
  // The backend runs in its own process group: stop it however this ends.
  const killBackend = () => {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  process.once('exit', killBackend);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      killBackend();
      process.exit(1);
    });
  }
  const client = new StackClient(`http://127.0.0.1:${PORT}`);
  const memory = (phase: string) => {
    const { rssMb, peakMb } = rssOf(pid);
    rows.push({
      benchmark: `${label}: backend RSS ${phase}`,
      entities: size,
      rssMb,
      note: `peak so far ${peakMb.toFixed(0)} MB`,
    });
  };
  const result: Record<string, unknown> = {
    entities: size,
    database: database.label,
    seconds: SECONDS,
  };

  try {
    const bootStart = performance.now();
    await waitFor('the backend', 120_000, async () => {
      if (child.exitCode !== null) {
        throw new Error(`backend exited ${child.exitCode}; see ${logFile}`);
      }
      const res = await fetch(`${client.origin}/api/readiness/health`);
      return res.ok ? true : undefined;
    });
    const bootSeconds = (performance.now() - bootStart) / 1000;
    await client.signIn();
    log(`backend up in ${bootSeconds.toFixed(1)} s; waiting for ingestion`);

    const ingestStart = performance.now();
    await waitFor(
      'catalog ingestion',
      INGESTION_TIMEOUT_MS,
      async () => {
        const res = await client.request<{ totalItems: number }>(
          'GET',
          '/api/catalog/entities/by-query?limit=1&fields=metadata.name',
        );
        return res.body.totalItems >= size ? true : undefined;
      },
      2000,
    );
    // Relations (owners) are stitched right after processing.
    await sleep(5000);
    const ingestSeconds = (performance.now() - ingestStart) / 1000;
    rows.push({
      benchmark: `${label}: catalog ingestion`,
      entities: size,
      seconds: ingestSeconds,
      entitiesPerSecond: size / ingestSeconds,
      note: `backend up in ${bootSeconds.toFixed(
        1,
      )} s; ingestion timed until every entity is listed, plus 5 s for stitching`,
    });
    memory('after ingestion');
    log(`ingested in ${ingestSeconds.toFixed(0)} s; full rescore`);

    const first = await rescore(client, pid);
    rows.push({
      benchmark: `${label}: full rescore`,
      entities: first.run.entitiesDone,
      seconds: first.seconds,
      entitiesPerSecond: first.run.entitiesDone / first.seconds,
      note: `server-side run time; ${first.wallSeconds.toFixed(
        1,
      )} s from POST /runs to seeing it finished`,
    });
    memory('after the first rescore');

    const knex = database.readinessKnex();
    const historyCount = async () =>
      Number((await knex('check_history').count({ n: '*' }))[0].n);
    const historyBefore = await historyCount();
    const second = await rescore(client, pid);
    const historyWritten = (await historyCount()) - historyBefore;
    rows.push({
      benchmark: `${label}: no-change rescore`,
      entities: second.run.entitiesDone,
      seconds: second.seconds,
      entitiesPerSecond: second.run.entitiesDone / second.seconds,
      note: `history rows written: ${historyWritten} (must be 0)`,
    });
    log('rescores done; loading routes');

    const scored = await knex('entity_scores')
      .select('kind', 'namespace', 'name')
      .where('kind', 'Component');
    const scorecardPaths = shuffle(
      scored.map(
        (r: { kind: string; namespace: string; name: string }) =>
          `/api/readiness/entities/${r.kind.toLowerCase()}/${
            r.namespace
          }/${encodeURIComponent(r.name)}`,
      ),
    );
    const routes: Array<{ name: string; paths: string[] }> = [
      {
        name: `GET /entities/component/default/{name} (${scorecardPaths.length} names)`,
        paths: scorecardPaths,
      },
      {
        name: `GET /search?failing=${GAP_CHECK}&limit=25`,
        paths: [`/api/readiness/search?failing=${GAP_CHECK}&limit=25`],
      },
      {
        name: 'GET /rollups?groupBy=owner',
        paths: ['/api/readiness/rollups?groupBy=owner'],
      },
      { name: 'GET /trend?days=90', paths: ['/api/readiness/trend?days=90'] },
      {
        name: 'GET /champions',
        paths: ['/api/readiness/champions'],
      },
      {
        name: 'GET /export?format=csv',
        paths: ['/api/readiness/export?format=csv'],
      },
    ];
    const routeResults: unknown[] = [];
    for (const route of routes) {
      const first = await client.request<string>('GET', route.paths[0]);
      if (first.status !== 200) {
        throw new Error(
          `${route.name}: ${first.status} ${JSON.stringify(first.body)}`,
        );
      }
      const bytes = Buffer.byteLength(
        typeof first.body === 'string'
          ? first.body
          : JSON.stringify(first.body),
      );
      for (const connections of [1, 20]) {
        const common = {
          origin: client.origin,
          paths: route.paths,
          authorization: client.authorization,
          connections,
        };
        await load({ ...common, seconds: WARM_UP_SECONDS });
        const measured = await load({ ...common, seconds: SECONDS });
        const rps = measured.requests / measured.seconds;
        const p50 = percentile(measured.latencies, 50);
        const p95 = percentile(measured.latencies, 95);
        const p99 = percentile(measured.latencies, 99);
        rows.push({
          benchmark: `${label}: ${route.name} ×${connections}`,
          p50Ms: p50,
          p95Ms: p95,
          requestsPerSecond: rps,
          note: `${measured.requests} requests, ${
            measured.errors
          } errors, p99 ${p99.toFixed(1)} ms, ${(bytes / 1024).toFixed(
            0,
          )} KB per response`,
        });
        routeResults.push({
          route: route.name,
          connections,
          requests: measured.requests,
          errors: measured.errors,
          requestsPerSecond: rps,
          p50Ms: p50,
          p95Ms: p95,
          p99Ms: p99,
          bytes,
        });
        log(
          `${route.name} ×${connections}: p50 ${p50} p95 ${p95} ${rps.toFixed(
            0,
          )}/s`,
        );
      }
    }
    result.routes = routeResults;
    memory('after the route load');

    // A catalog change reaching its scorecard.
    const failing = await knex('check_results as r')
      .join('entity_scores as s', 's.entity_ref', 'r.entity_ref')
      .select('s.kind', 's.namespace', 's.name')
      .where({
        'r.check_id': GAP_CHECK,
        'r.state': 'fail',
        's.kind': 'Component',
      })
      .first();
    if (failing) {
      const entity = entities.find(
        e => e.kind === 'Component' && e.metadata.name === failing.name,
      )!;
      entity.metadata.links = [
        ...(entity.metadata.links ?? []),
        {
          url: 'https://runbooks.example.com/bench',
          type: 'runbook',
          title: 'Runbook',
        },
      ];
      const locations = await client.request<{ items: Entity[] }>(
        'GET',
        '/api/catalog/entities/by-query?filter=kind=location&limit=10',
      );
      const location = locations.body.items.find(
        l =>
          String(l.spec?.target ?? '').includes(catalogFile) ||
          l.spec?.type === 'file',
      );
      const changeStart = performance.now();
      writeCatalog(catalogFile, entities);
      if (location) {
        await client.request('POST', '/api/catalog/refresh', {
          entityRef: `location:${location.metadata.namespace ?? 'default'}/${
            location.metadata.name
          }`,
        });
      }
      const ref = `component/${failing.namespace}/${encodeURIComponent(
        failing.name,
      )}`;
      await waitFor(
        'the catalog to show the change',
        10 * 60_000,
        async () => {
          const res = await client.request<Entity>(
            'GET',
            `/api/catalog/entities/by-name/${ref}`,
          );
          return res.body.metadata?.links?.some(l => l.type === 'runbook')
            ? true
            : undefined;
        },
        250,
      );
      const catalogSeconds = (performance.now() - changeStart) / 1000;
      const refreshStart = performance.now();
      const refreshed = await client.request<{
        results: Array<{ checkId: string; state: string }>;
      }>('POST', `/api/readiness/entities/${ref}/refresh`);
      const refreshMs = performance.now() - refreshStart;
      const state = refreshed.body.results?.find(
        r => r.checkId === GAP_CHECK,
      )?.state;
      rows.push({
        benchmark: `${label}: catalog change → new scorecard`,
        seconds: catalogSeconds + refreshMs / 1000,
        note: `file changed and location refreshed → catalog shows it: ${catalogSeconds.toFixed(
          1,
        )} s; POST /entities/…/refresh: ${refreshMs.toFixed(
          0,
        )} ms; ${GAP_CHECK} now ${state}`,
      });
    }
    memory('at the end');
  } finally {
    await stop(child);
    fs.closeSync(out);
    await database.cleanUp();
  }

  const outDir = path.join(__dirname, 'out');
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(
    path.join(outDir, `stack-${database.label}-${size}.json`),
    `${JSON.stringify(
      {
        at: new Date().toISOString(),
        node: process.version,
        load: os.loadavg(),
        ...result,
        rows,
      },
      null,
      2,
    )}\n`,
  );
  fs.rmSync(dir, { recursive: true, force: true });
  return rows;
}
