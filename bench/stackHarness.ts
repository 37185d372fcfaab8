/*
 * What the stack and load benchmarks share: a real backend
 * (bench/stackBackend.ts) started over a generated catalog in a child
 * process, an HTTP client signed in as guest, and autocannon in a worker.
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

export const PORT = Number(process.env.BENCH_STACK_PORT ?? 7150);
export const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
export const WARM_UP_SECONDS = 2;
export const GAP_CHECK = 'runbook.runbook';
const INGESTION_TIMEOUT_MS = 60 * 60 * 1000;
const RUN_TIMEOUT_MS = 30 * 60 * 1000;

export interface LoadResult {
  latencies: number[];
  errors: number;
  requests: number;
  seconds: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) {
    return NaN;
  }
  const index = Math.min(
    sorted.length - 1,
    Math.max(0, Math.ceil((p / 100) * sorted.length) - 1),
  );
  return sorted[index];
}

export function sleep(ms: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, ms));
}

/** Resident set size (now and peak) of a process, in MB, from /proc. */
export function rssOf(pid: number): { rssMb: number; peakMb: number } {
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
 * CPU time (user + system) a process has used so far, in ms, from /proc: on
 * a shared machine, CPU per request tells more than latency.
 */
export function cpuMsOf(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces), from field 3.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return NaN;
  }
}

/** `getconf CLK_TCK` on Linux. */
const CLOCK_TICKS_PER_SECOND = 100;

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
    overallRate: workerData.overallRate,
    duration: workerData.seconds,
    headers: { authorization: workerData.authorization },
    requests: [
      {
        setupRequest: req => {
          const target = paths[next++ % paths.length];
          if (typeof target === 'string') {
            req.path = target;
            return req;
          }
          return {
            ...req,
            method: target.method,
            path: target.path,
            body: target.body,
            headers: { ...req.headers, 'content-type': 'application/json' },
          };
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

/** A request other than a GET: method, path and JSON body. */
export interface LoadRequest {
  method: string;
  path: string;
  body: string;
}

export async function load(options: {
  origin: string;
  /** GET paths, or other requests, sent in turn. */
  paths: Array<string | LoadRequest>;
  authorization: string;
  connections: number;
  seconds: number;
  /** Requests per second over all connections; unbounded when absent. */
  overallRate?: number;
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
      // The catalog reprocesses every entity this often (production default
      // 100–150 s). At 10,000 entities on 2 shared cores that reprocessing
      // never finishes, and each pass re-parses the whole YAML file in one
      // blocking step (seconds at 50,000): it would measure the catalog, not
      // readiness. Ingestion is unaffected (new entities are processed at
      // once); the catalog-change step refreshes the location explicitly.
      processingInterval: {
        minutes: Number(process.env.BENCH_CATALOG_PROCESSING_MINUTES ?? 60),
      },
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

export function writeCatalog(file: string, entities: Entity[]): void {
  fs.writeFileSync(
    file,
    entities.map(e => stringify(e, { lineWidth: 0 })).join('---\n'),
  );
}

export class StackClient {
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

export async function waitFor<T>(
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

export interface RunInfo {
  id: string;
  status: string;
  startedAt: string;
  finishedAt?: string;
  entitiesDone: number;
  errors: string[];
}

/** Starts a full rescore and waits for it; returns it and the peak RSS seen. */
export async function rescore(
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

export function shuffle<T>(items: T[], seed = 7): T[] {
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
export async function stop(child: ChildProcess): Promise<void> {
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

/**
 * Waits until no other benchmark on this machine measures (a lock file in
 * the temp directory), so two stacks may ingest at the same time but never
 * measure at the same time. Returns the release function.
 */
export async function measureAlone(
  log: (text: string) => void,
): Promise<() => void> {
  const file = path.join(os.tmpdir(), 'readiness-bench-measure.lock');
  let said = false;
  for (;;) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      break;
    } catch {
      const holder = Number(fs.readFileSync(file, 'utf8'));
      let alive = false;
      try {
        process.kill(holder, 0);
        alive = holder !== process.pid;
      } catch {
        // the holder is gone
      }
      if (!alive) {
        fs.rmSync(file, { force: true });
        continue;
      }
      if (!said) {
        log(`waiting for benchmark process ${holder} to finish measuring`);
        said = true;
      }
      await sleep(2000);
    }
  }
  const release = () => fs.rmSync(file, { force: true });
  process.once('exit', release);
  return release;
}

/**
 * Waits (up to a minute) until the backend answers its health check within
 * 100 ms: requests still queued from a load must not slow the next one.
 */
export async function settled(client: StackClient): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const started = performance.now();
    const res = await fetch(`${client.origin}/api/readiness/health`).catch(
      () => undefined,
    );
    if (res?.ok && performance.now() - started < 100) {
      return;
    }
    await sleep(500);
  }
}

/** A running stack: the backend process over a generated catalog. */
export interface Stack {
  size: number;
  label: string;
  databaseLabel: string;
  entities: Entity[];
  catalogFile: string;
  pid: number;
  client: StackClient;
  /** Rows measured while starting (catalog ingestion). */
  rows: BenchRow[];
  readinessKnex(): Knex;
  log(text: string): void;
  /** Stops the backend and drops its databases and files. */
  close(): Promise<void>;
}

/**
 * Writes a synthetic catalog of BENCH_ENTITIES entities (default 10,000),
 * starts bench/stackBackend.ts over it on SQLite (or PostgreSQL when
 * BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING is set) and waits
 * until the catalog lists every entity.
 */
export async function startStack(
  prefix: string,
  options: { withReadiness?: boolean } = {},
): Promise<Stack> {
  const withReadiness = options.withReadiness ?? true;
  const size = Number(process.env.BENCH_ENTITIES ?? 10_000);
  const pg = process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `perf-${prefix}-`));
  const database = pg ? postgresSetup(pg) : sqliteSetup(dir);
  const label = `${prefix}/${database.label}`;
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
      // e.g. BENCH_BACKEND_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof"
      ...(process.env.BENCH_BACKEND_NODE_ARGS ?? '').split(' ').filter(Boolean),
      '--import',
      'tsx',
      path.join(__dirname, 'stackBackend.ts'),
      '--config',
      configFile,
    ],
    {
      cwd: repoRoot,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
        BENCH_WITHOUT_READINESS: withReadiness ? 'false' : 'true',
      },
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
  let closed = false;
  const close = async () => {
    if (closed) {
      return;
    }
    closed = true;
    await stop(child);
    fs.closeSync(out);
    await database.cleanUp();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    const bootStart = performance.now();
    await waitFor('the backend', 120_000, async () => {
      if (child.exitCode !== null) {
        throw new Error(`backend exited ${child.exitCode}; see ${logFile}`);
      }
      const res = await fetch(
        `${client.origin}${
          withReadiness
            ? '/api/readiness/health'
            : '/.backstage/health/v1/readiness'
        }`,
      );
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
  } catch (error) {
    await close();
    throw error;
  }
  return {
    size,
    label,
    databaseLabel: database.label,
    entities,
    catalogFile,
    pid,
    client,
    rows,
    readinessKnex: () => database.readinessKnex(),
    log,
    close,
  };
}
