/*
 * Load for the stack benchmarks: autocannon in a worker thread (so that the
 * measuring process does not compete with the load), latency percentiles,
 * and the memory and CPU time of a process read from /proc.
 */
import fs from 'node:fs';
import { Worker } from 'node:worker_threads';

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
