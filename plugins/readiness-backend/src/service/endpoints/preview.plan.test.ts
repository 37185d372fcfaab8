import { mockCredentials } from '@backstage/backend-test-utils';
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { testCatalog } from '../../__testUtils__/catalogFixtures';
import {
  previewBackendConfig,
  previewChecks,
} from '../../__testUtils__/previewPacks';
import {
  startReadinessTestBackend,
  type ReadinessTestBackend,
} from '../../__testUtils__/startReadinessTestBackend';

/*
 * `readiness plan` (the CLI, offline over catalog files, and against the
 * backend) and `POST /preview` agree on the same pack change over the same
 * entities. The CLI is run as a user runs it, from its bin.
 */

jest.setTimeout(180_000);

const CLI = path.resolve(
  __dirname,
  '../../../../../packages/readiness-cli/bin/readiness',
);
const USER = 'user:default/jane';

let backend: ReadinessTestBackend;
let dir: string;

beforeAll(async () => {
  backend = await startReadinessTestBackend({
    readiness: previewBackendConfig,
  });
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'readiness-plan-'));
  // JSON is YAML: one document per entity.
  await fs.writeFile(
    path.join(dir, 'catalog.yaml'),
    testCatalog.map(e => JSON.stringify(e)).join('\n---\n'),
  );
  await fs.writeFile(
    path.join(dir, 'old.yaml'),
    JSON.stringify({ readiness: previewBackendConfig }),
  );
  await fs.writeFile(
    path.join(dir, 'new.yaml'),
    JSON.stringify({
      readiness: {
        ...previewBackendConfig,
        checks: previewChecks({ logsAdvisory: false }),
      },
    }),
  );
});

afterAll(async () => {
  await backend.stop();
  await fs.rm(dir, { recursive: true, force: true });
});

async function plan(args: string[], env: Record<string, string> = {}) {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [CLI, 'plan', '--format', 'json', ...args],
    { cwd: dir, env: { ...process.env, ...env } },
  );
  return JSON.parse(stdout);
}

/** What must agree: every count, level pair, team and entity. */
function agreed(preview: Record<string, unknown>) {
  const {
    entities,
    changed,
    up,
    down,
    transitions,
    teams,
    changes,
    notifications,
  } = preview;
  return {
    entities,
    changed,
    up,
    down,
    transitions,
    teams,
    changes,
    notifications,
  };
}

describe('readiness plan and /preview', () => {
  it('agree on promoting an advisory check, offline and against the backend', async () => {
    const rest = await request(backend.server)
      .post('/api/readiness/preview')
      .set('Authorization', mockCredentials.user.header(USER))
      .send({ checks: previewChecks({ logsAdvisory: false }) });
    expect(rest.status).toBe(200);
    expect(rest.body.changed).toBeGreaterThan(0);

    const offline = await plan([
      '--pack',
      'new.yaml',
      '--base',
      'old.yaml',
      '--no-repo',
      '--kind',
      'Component,API,Resource,System',
      'catalog.yaml',
    ]);
    expect(agreed(offline)).toEqual(agreed(rest.body));

    const { port } = backend.server.address() as AddressInfo;
    const online = await plan(
      ['--pack', 'new.yaml', '--backend', `http://127.0.0.1:${port}`],
      { READINESS_TOKEN: mockCredentials.user.token(USER) },
    );
    expect(online).toEqual(rest.body);
  });
});
