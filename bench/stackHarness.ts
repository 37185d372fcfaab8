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
import type { Knex } from 'knex';
import { stringify } from 'yaml';
import type { Entity } from '@backstage/catalog-model';
import type { BenchRow } from './run';
import { generateSyntheticCatalog } from './syntheticCatalog';
import {
  cpuMsOf,
  load,
  percentile,
  rssOf,
  sleep,
  type LoadRequest,
  type LoadResult,
} from './loadGenerator';
import { postgresSetup, sqliteSetup, writeConfig } from './stackDatabase';
import {
  CATALOG_SEED,
  keptCatalogFromEnv,
  prepareKeptDir,
} from './keptCatalog';

export { cpuMsOf, load, percentile, rssOf, sleep };
export type { LoadRequest, LoadResult };

export const PORT = Number(process.env.BENCH_STACK_PORT ?? 7150);
export const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
export const WARM_UP_SECONDS = 2;
export const GAP_CHECK = 'runbook.runbook';
/** The kinds readiness scores (its default `readiness.kinds`). */
export const SCORED_KINDS = new Set(['Component', 'API', 'Resource', 'System']);
const INGESTION_TIMEOUT_MS = 60 * 60 * 1000;
const RUN_TIMEOUT_MS = 30 * 60 * 1000;

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
  // BENCH_KEEP_CATALOG=<name>: the catalog's database and YAML file outlive
  // this run and are reused by the next one with the same size and seed.
  const kept = keptCatalogFromEnv(pg ? 'postgres' : 'sqlite', size);
  const database = pg ? postgresSetup(pg, kept) : sqliteSetup(dir, kept);
  const label = `${prefix}/${database.label}`;
  const rows: BenchRow[] = [];
  const log = (text: string) =>
    process.stderr.write(`[${new Date().toISOString()}] ${text}\n`);

  const entities = generateSyntheticCatalog({
    entities: size,
    seed: CATALOG_SEED,
  });
  const catalogFile = kept ? kept.catalogFile : path.join(dir, 'catalog.yaml');
  if (kept) {
    prepareKeptDir(kept);
  }
  const reused = await database.catalogReused();
  // Rewritten on reuse too: undoes an earlier run's catalog change.
  writeCatalog(catalogFile, entities);
  const configFile = path.join(dir, 'app-config.yaml');
  writeConfig(configFile, catalogFile, database.config, PORT);
  const logFile = path.join(dir, 'backend.log');
  const out = fs.openSync(logFile, 'a');
  log(
    `${size} entities, ${database.label}${
      kept ? `, catalog ${kept.key} ${reused ? 'reused' : 'kept'}` : ''
    }, backend log ${logFile}`,
  );

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
        LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
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
    // BENCH_KEEP_LOG=<file>: the backend's log outlives the run.
    if (process.env.BENCH_KEEP_LOG) {
      fs.copyFileSync(logFile, process.env.BENCH_KEEP_LOG);
    }
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
      benchmark: `${label}: catalog ingestion${reused ? ' (reused)' : ''}`,
      entities: size,
      seconds: ingestSeconds,
      entitiesPerSecond: size / ingestSeconds,
      note: `backend up in ${bootSeconds.toFixed(1)} s; ${
        reused
          ? `catalog ${kept?.key} reused: only what an earlier run left unfinished`
          : 'ingestion timed until every entity is listed'
      }, plus 5 s for stitching`,
    });
    if (reused && withReadiness) {
      // Readiness' database is fresh: let its delta pass score the reused
      // catalog first, as it does during an ingestion, so that the
      // measurements start from the same state.
      const scoredKinds = entities.filter(e => SCORED_KINDS.has(e.kind)).length;
      const scoringStart = performance.now();
      const knex = database.readinessKnex();
      await waitFor(
        'every entity of a scored kind to have a score',
        INGESTION_TIMEOUT_MS,
        async () => {
          const n = Number(
            (await knex('entity_scores').count({ n: '*' }))[0].n,
          );
          const running = Number(
            (
              await knex('runs')
                .whereIn('status', ['requested', 'running'])
                .count({ n: '*' })
            )[0].n,
          );
          return n >= scoredKinds && running === 0 ? n : undefined;
        },
        2000,
      );
      const scoringSeconds = (performance.now() - scoringStart) / 1000;
      rows.push({
        benchmark: `${label}: reused catalog → every entity scored`,
        entities: scoredKinds,
        seconds: scoringSeconds,
        entitiesPerSecond: scoredKinds / scoringSeconds,
        note: 'delta pass and start-up run over a fresh readiness database, until no run is running; no rescore asked for',
      });
    }
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
