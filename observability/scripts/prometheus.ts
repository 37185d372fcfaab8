/*
 * Runs a Prometheus that scrapes the backend's own metrics with the mixin's
 * rules loaded: for `npm run start:observed` and the browser tests.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import YAML from 'yaml';
import { RULE_FILES } from './mixin';

/** The ports Prometheus may take, first free one wins. */
export const PROMETHEUS_PORTS = [
  9090, 9091, 9092, 9093, 9094, 9095, 9096, 9097, 9098, 9099,
];

/** Whether the `prometheus` binary is on the PATH. */
export function prometheusInstalled(): boolean {
  return !spawnSync('prometheus', ['--version']).error;
}

function portFree(port: number): Promise<boolean> {
  return new Promise(resolve => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** The first free port of {@link PROMETHEUS_PORTS}. */
export async function freePrometheusPort(): Promise<number> {
  for (const port of PROMETHEUS_PORTS) {
    if (await portFree(port)) {
      return port;
    }
  }
  throw new Error(
    `No free port for Prometheus in ${PROMETHEUS_PORTS[0]}-${
      PROMETHEUS_PORTS[PROMETHEUS_PORTS.length - 1]
    }`,
  );
}

/**
 * The Prometheus configuration: scrape the backend's metrics endpoint,
 * labelled with the service name its catalog entity has, and load the
 * mixin's recording and alert rules.
 */
export function prometheusConfig(options: {
  metricsTarget: string;
  intervalSeconds: number;
}): string {
  const interval = `${options.intervalSeconds}s`;
  return YAML.stringify({
    global: {
      scrape_interval: interval,
      scrape_timeout: interval,
      evaluation_interval: interval,
    },
    rule_files: RULE_FILES,
    scrape_configs: [
      {
        job_name: 'readiness-backend',
        static_configs: [
          {
            targets: [options.metricsTarget],
            labels: { service: 'readiness-backend' },
          },
        ],
      },
    ],
  });
}

/** A Prometheus started by {@link startPrometheus}. */
export interface RunningPrometheus {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts Prometheus on a free port of 9090-9099 with its config and data
 * under `dir`, and waits until it is ready.
 */
export async function startPrometheus(options: {
  dir: string;
  metricsTarget?: string;
  intervalSeconds?: number;
  logFile?: string;
}): Promise<RunningPrometheus> {
  const port = await freePrometheusPort();
  fs.rmSync(path.join(options.dir, 'data'), { recursive: true, force: true });
  fs.mkdirSync(options.dir, { recursive: true });
  const configFile = path.join(options.dir, 'prometheus.yml');
  fs.writeFileSync(
    configFile,
    prometheusConfig({
      metricsTarget: options.metricsTarget ?? 'localhost:9464',
      intervalSeconds: options.intervalSeconds ?? 5,
    }),
  );
  const log = fs.openSync(
    options.logFile ?? path.join(options.dir, 'prometheus.log'),
    'w',
  );
  const child = spawn(
    'prometheus',
    [
      `--config.file=${configFile}`,
      `--storage.tsdb.path=${path.join(options.dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
    ],
    { stdio: ['ignore', log, log] },
  );
  const url = `http://127.0.0.1:${port}`;
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  const stop = async () => {
    if (!exited) {
      child.kill('SIGTERM');
      await new Promise(resolve => child.once('exit', resolve));
    }
    fs.closeSync(log);
  };
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (exited) {
      throw new Error(
        `Prometheus exited early; see ${options.logFile ?? options.dir}`,
      );
    }
    try {
      if ((await fetch(`${url}/-/ready`)).ok) {
        return { url, process: child, stop };
      }
    } catch {
      // not listening yet
    }
    await new Promise(resolve => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`Prometheus at ${url} was not ready within 30 s`);
}
