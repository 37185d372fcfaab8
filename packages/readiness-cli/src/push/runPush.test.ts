import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runCliForTest } from '../__testUtils__/runCliForTest';

interface Received {
  method?: string;
  url?: string;
  authorization?: string;
  body: Record<string, unknown>;
}

let server: Server;
let backend: string;
let received: Received[];
let answer: { status: number; body: unknown };
let cwd: string;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise(resolve => {
    let text = '';
    req.on('data', chunk => {
      text += chunk;
    });
    req.on('end', () => resolve(text));
  });
}

beforeAll(async () => {
  cwd = await fs.mkdtemp(path.join(os.tmpdir(), 'readiness-push-'));
  server = createServer(async (req, res) => {
    received.push({
      method: req.method,
      url: req.url,
      authorization: req.headers.authorization,
      body: JSON.parse(await readBody(req)),
    });
    res.writeHead(answer.status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(answer.body));
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  backend = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise(resolve => server.close(resolve));
  await fs.rm(cwd, { recursive: true, force: true });
});

beforeEach(() => {
  received = [];
  answer = {
    status: 200,
    body: {
      entityRef: 'component:default/api',
      rescored: true,
      items: [
        {
          key: 'coverage',
          value: 83.5,
          observedAt: '2026-03-01T10:00:00.000Z',
          staleAt: '2026-03-08T10:00:00.000Z',
          stale: false,
        },
      ],
    },
  };
});

const env = { READINESS_TOKEN: 'secret-token' };

describe('readiness push', () => {
  it('posts the facts with the token and prints what was stored', async () => {
    const run = await runCliForTest(
      [
        'push',
        '--backend',
        `${backend}/`,
        '--entity',
        'component:default/api',
        '--fact',
        'coverage=83.5',
        '--fact',
        'scanner=trivy',
        '--fact',
        'loadTest={"p99Ms":180}',
        '--observed-at',
        '2026-03-01T10:00:00Z',
      ],
      { cwd, env },
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(received).toEqual([
      {
        method: 'POST',
        url: '/api/readiness/facts',
        authorization: 'Bearer secret-token',
        body: {
          entityRef: 'component:default/api',
          facts: { coverage: 83.5, scanner: 'trivy', loadTest: { p99Ms: 180 } },
          observedAt: '2026-03-01T10:00:00Z',
        },
      },
    ]);
    expect(run.stdout).toBe(
      'component:default/api coverage = 83.5 (observed 2026-03-01T10:00:00.000Z, stale at 2026-03-08T10:00:00.000Z)\nRescored component:default/api.\n',
    );
  });

  it('reads a facts file; --fact wins for the same key', async () => {
    const file = path.join(cwd, 'facts.json');
    await fs.writeFile(
      file,
      JSON.stringify({
        facts: { coverage: 70, securityScan: { critical: 0 } },
        observedAt: '2026-03-01T09:00:00Z',
      }),
    );
    const run = await runCliForTest(
      [
        'push',
        '--backend',
        `${backend}/api/readiness`,
        '--entity',
        'component:default/api',
        '--file',
        'facts.json',
        '--fact',
        'coverage=75',
      ],
      { cwd, env },
    );
    expect(run.code).toBe(0);
    expect(received[0].url).toBe('/api/readiness/facts');
    expect(received[0].body).toEqual({
      entityRef: 'component:default/api',
      facts: { coverage: 75, securityScan: { critical: 0 } },
      observedAt: '2026-03-01T09:00:00Z',
    });
  });

  it("prints the backend's refusal and exits 2", async () => {
    answer = {
      status: 400,
      body: {
        error: {
          name: 'InputError',
          message: 'Invalid facts.coverage: 140 must be <= 100',
        },
        response: { statusCode: 400 },
      },
    };
    const run = await runCliForTest(
      [
        'push',
        '--backend',
        backend,
        '--entity',
        'component:default/api',
        '--fact',
        'coverage=140',
      ],
      { cwd, env },
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'readiness: the backend refused the facts (400): Invalid facts.coverage: 140 must be <= 100\n',
    );
  });

  it.each([
    [['--fact', 'coverage=1'], {}, /^readiness: READINESS_TOKEN is not set/],
    [[], env, /^readiness: Nothing to push/],
    [['--fact', 'coverage'], env, /^readiness: Invalid --fact 'coverage'/],
    [['--fact', 'a.b=1'], env, /the key 'a\.b' must be/],
    [
      ['--file', 'missing.json'],
      env,
      /Cannot read --file missing\.json: ENOENT/,
    ],
  ])('refuses %j before sending anything', async (extra, runEnv, message) => {
    const run = await runCliForTest(
      [
        'push',
        '--backend',
        backend,
        '--entity',
        'component:default/api',
        ...extra,
      ],
      { cwd, env: runEnv },
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(received).toEqual([]);
  });

  it('says when the backend cannot be reached', async () => {
    const run = await runCliForTest(
      [
        'push',
        '--backend',
        'http://127.0.0.1:1',
        '--entity',
        'component:default/api',
        '--fact',
        'coverage=1',
      ],
      { cwd, env },
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^readiness: Could not reach the backend at http:\/\/127\.0\.0\.1:1: \S/,
    );
  });
});
