/*
 * Starts and stops the app (`npm start`: frontend on :3000, backend on :7007)
 * for browser tests, or reuses one that is already serving.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';

/** The repository root. */
export const ROOT = path.resolve(__dirname, '..');

/** Where the app and its backend answer. */
export const APP_URL = process.env.E2E_APP_URL ?? 'http://localhost:3000';
export const BACKEND_URL =
  process.env.E2E_BACKEND_URL ?? 'http://localhost:7007';

/** A running app. */
export interface Stack {
  /** True when the app was already running and is left running. */
  reused: boolean;
  /** Stops the app if this process started it. */
  stop(): Promise<void>;
}

function sleep(ms: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, ms));
}

/**
 * Whether a URL answers 200. A 404 is not enough: the backend listens before
 * its plugins have mounted their routes, and answers 404 until they have.
 */
export async function answers(
  url: string,
  init?: RequestInit,
): Promise<boolean> {
  try {
    const response = await fetch(url, {
      ...init,
      signal: AbortSignal.timeout(3000),
    });
    return response.ok;
  } catch {
    return false;
  }
}

/** Whether the app, the readiness backend and guest sign-in all answer. */
async function appServing(): Promise<boolean> {
  return (
    (await answers(APP_URL)) &&
    (await answers(`${BACKEND_URL}/api/readiness/health`)) &&
    (await answers(`${BACKEND_URL}/api/auth/guest/refresh`, {
      method: 'POST',
    }))
  );
}

/** Polls until `check` holds, failing with `what` after `timeoutMs`. */
export async function waitFor(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs: number,
  intervalMs = 1000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) {
      return;
    }
    await sleep(intervalMs);
  }
  throw new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${what}`);
}

/** Whether something listens on the port (a connection is accepted). */
function portInUse(port: number, host: string): Promise<boolean> {
  return new Promise(resolve => {
    const socket = net.connect({ port, host });
    socket.setTimeout(2000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

function processGroupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts `npm start` at the repository root as its own process group (so
 * that stopping it stops the frontend and backend children too), unless the
 * app already answers. Output goes to `logFile`.
 *
 * With `production`, the app is built (`backstage-cli package build` in
 * packages/app) and its static files are served on the app's port by this
 * process, and only the backend is started (`backstage-cli package start` in
 * packages/backend): what users get from a deployed app.
 */
export async function startStack(options: {
  logFile: string;
  /** Config files in place of app-config.yaml, absolute paths. */
  configs?: string[];
  production?: boolean;
  timeoutMs?: number;
}): Promise<Stack> {
  if (await appServing()) {
    return { reused: true, stop: async () => {} };
  }
  // Something else on our ports would answer in place of the app we start.
  for (const url of [APP_URL, BACKEND_URL]) {
    const { hostname, port } = new URL(url);
    if (await portInUse(Number(port), hostname)) {
      throw new Error(
        `${url} is taken by a process that is not the readiness app (or not all of it); stop it first (e.g. \`fuser -k ${port}/tcp\`)`,
      );
    }
  }
  fs.mkdirSync(path.dirname(options.logFile), { recursive: true });
  const log = fs.openSync(options.logFile, 'w');
  const configArgs = (options.configs ?? []).flatMap(c => ['--config', c]);
  let staticServer: http.Server | undefined;
  let child;
  // The tests sign in as guest, which Backstage refuses (403) outside
  // development; a NODE_ENV left in the shell must not change that.
  const env = { ...process.env, NODE_ENV: 'development', BROWSER: 'none' };
  if (options.production) {
    execFileSync('npx', ['backstage-cli', 'package', 'build', ...configArgs], {
      cwd: path.join(ROOT, 'packages', 'app'),
      stdio: ['ignore', log, log],
    });
    staticServer = await serveStatic(
      path.join(ROOT, 'packages', 'app', 'dist'),
      Number(new URL(APP_URL).port),
    );
    child = spawn('npx', ['backstage-cli', 'package', 'start', ...configArgs], {
      cwd: path.join(ROOT, 'packages', 'backend'),
      detached: true,
      stdio: ['ignore', log, log],
      env,
    });
  } else {
    const args = configArgs.length ? ['start', '--', ...configArgs] : ['start'];
    child = spawn('npm', args, {
      cwd: ROOT,
      detached: true,
      stdio: ['ignore', log, log],
      env,
    });
  }
  const pid = child.pid!;
  let exited = false;
  child.on('exit', () => {
    exited = true;
  });

  const stop = async () => {
    staticServer?.close();
    if (processGroupAlive(pid)) {
      process.kill(-pid, 'SIGTERM');
      const deadline = Date.now() + 15_000;
      while (processGroupAlive(pid) && Date.now() < deadline) {
        await sleep(250);
      }
      if (processGroupAlive(pid)) {
        process.kill(-pid, 'SIGKILL');
      }
    }
    fs.closeSync(log);
  };

  try {
    await waitFor(
      `${APP_URL}, readiness health and guest sign-in (log: ${options.logFile})`,
      async () => {
        if (exited) {
          throw new Error(
            `the app exited early; see ${options.logFile}:\n${fs
              .readFileSync(options.logFile, 'utf8')
              .slice(-3000)}`,
          );
        }
        return appServing();
      },
      options.timeoutMs ?? 240_000,
    );
  } catch (error) {
    await stop();
    const tail = fs.readFileSync(options.logFile, 'utf8').slice(-3000);
    throw new Error(`${(error as Error).message}\n--- app log tail:\n${tail}`);
  }
  return { reused: false, stop };
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** Serves a built single-page app: files as they are, anything else as index.html. */
function serveStatic(dir: string, port: number): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const urlPath = decodeURIComponent((req.url ?? '/').split('?')[0]);
    let file = path.join(dir, urlPath);
    if (
      !file.startsWith(dir) ||
      !fs.existsSync(file) ||
      fs.statSync(file).isDirectory()
    ) {
      file = path.join(dir, 'index.html');
    }
    res.writeHead(200, {
      'Content-Type':
        CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
    });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => resolve(server));
  });
}
