import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LinkVerifier } from './LinkVerifier';
import type { LinkVerifyConfig } from './readLinkVerifyConfig';

interface Seen {
  method: string;
  path: string;
  at: number;
}

/** A local server: /ok 200, /gone 404, /no-head 405 on HEAD, /login 401. */
async function startServer(): Promise<{
  server: Server;
  base: string;
  seen: Seen[];
}> {
  const seen: Seen[] = [];
  const server = createServer((request: IncomingMessage, response) => {
    const path = request.url ?? '/';
    seen.push({ method: request.method ?? '', path, at: Date.now() });
    if (path === '/no-head' && request.method === 'HEAD') {
      response.writeHead(405).end();
    } else if (path === '/gone') {
      response.writeHead(404).end();
    } else if (path === '/login') {
      response.writeHead(401).end();
    } else if (path === '/broken') {
      response.writeHead(503).end();
    } else if (path === '/moved') {
      response.writeHead(302, { Location: 'http://169.254.169.254/' }).end();
    } else {
      response.writeHead(200, { 'Content-Type': 'text/html' }).end('<p>ok</p>');
    }
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, base: `http://127.0.0.1:${port}`, seen };
}

function config(overrides: Partial<LinkVerifyConfig> = {}): LinkVerifyConfig {
  return {
    enabled: true,
    timeoutMs: 2000,
    cacheTtlMs: 60_000,
    perHostIntervalMs: 0,
    allowedHosts: [],
    allowPrivateAddresses: true,
    maxLinksPerEntity: 10,
    ...overrides,
  };
}

describe('LinkVerifier', () => {
  let server: Server;
  let base: string;
  let seen: Seen[];

  beforeEach(async () => {
    ({ server, base, seen } = await startServer());
  });

  afterEach(async () => {
    await new Promise<void>(resolve => server.close(() => resolve()));
  });

  it('finds a page that answers', async () => {
    const check = await LinkVerifier.create({ config: config() }).verify(
      `${base}/ok`,
    );
    expect(check).toEqual({
      url: `${base}/ok`,
      state: 'answered',
      status: 200,
      reason: 'HTTP 200',
    });
    expect(seen.map(s => s.method)).toEqual(['HEAD']);
  });

  it('reports a dead link with the status it got', async () => {
    const verifier = LinkVerifier.create({ config: config() });
    expect(await verifier.verify(`${base}/gone`)).toMatchObject({
      state: 'dead',
      status: 404,
      reason: 'HTTP 404',
    });
    expect(await verifier.verify(`${base}/broken`)).toMatchObject({
      state: 'dead',
      status: 503,
    });
  });

  it('tries GET when HEAD is not allowed', async () => {
    const check = await LinkVerifier.create({ config: config() }).verify(
      `${base}/no-head`,
    );
    expect(check).toMatchObject({ state: 'answered', status: 200 });
    expect(seen.map(s => s.method)).toEqual(['HEAD', 'GET']);
  });

  it('counts a page behind a login as answered, and a redirect without following it', async () => {
    const verifier = LinkVerifier.create({ config: config() });
    expect(await verifier.verify(`${base}/login`)).toMatchObject({
      state: 'answered',
      status: 401,
    });
    expect(await verifier.verify(`${base}/moved`)).toMatchObject({
      state: 'answered',
      status: 302,
    });
    expect(seen.map(s => s.path)).toEqual(['/login', '/moved']);
  });

  it('reports a refused connection as dead', async () => {
    const closed = await startServer();
    await new Promise<void>(resolve => closed.server.close(() => resolve()));
    const check = await LinkVerifier.create({ config: config() }).verify(
      `${closed.base}/ok`,
    );
    expect(check).toMatchObject({ state: 'dead' });
    expect(check.reason).toMatch(/^ECONNREFUSED/);
  });

  it('caches answers for the TTL', async () => {
    let now = 1_000_000;
    const verifier = LinkVerifier.create({
      config: config({ cacheTtlMs: 1000 }),
      now: () => now,
    });
    await verifier.verify(`${base}/ok`);
    await verifier.verify(`${base}/ok`);
    expect(seen).toHaveLength(1);
    now += 1001;
    await verifier.verify(`${base}/ok`);
    expect(seen).toHaveLength(2);
  });

  it('shares one request among concurrent callers of the same URL', async () => {
    const verifier = LinkVerifier.create({ config: config() });
    await Promise.all([
      verifier.verify(`${base}/ok`),
      verifier.verify(`${base}/ok`),
    ]);
    expect(seen).toHaveLength(1);
  });

  it('spaces requests to the same host, not to different hosts', async () => {
    const waits: number[] = [];
    const verifier = LinkVerifier.create({
      config: config({ perHostIntervalMs: 150 }),
      now: () => 1_000_000,
      sleep: async ms => {
        waits.push(ms);
      },
    });
    await Promise.all(
      ['/a', '/b', '/c'].map(path => verifier.verify(`${base}${path}`)),
    );
    expect(waits).toEqual([150, 300]);
    await verifier.verify(`${base.replace('127.0.0.1', 'localhost')}/d`);
    expect(waits).toEqual([150, 300]);
    expect(seen).toHaveLength(4);
  });

  it('refuses loopback and private addresses unless allowed', async () => {
    const verifier = LinkVerifier.create({
      config: config({ allowPrivateAddresses: false }),
    });
    const literal = await verifier.verify(`${base}/ok`);
    expect(literal).toMatchObject({ state: 'unchecked' });
    expect(literal.reason).toMatch(/private or loopback/);
    // A name is resolved and its address checked, not only the name.
    const named = await verifier.verify(
      `${base.replace('127.0.0.1', 'localhost')}/ok`,
    );
    expect(named).toMatchObject({ state: 'unchecked' });
    expect(named.reason).toMatch(/resolves to a private or loopback address/);
    const metadata = await verifier.verify('http://169.254.169.254/latest/');
    expect(metadata).toMatchObject({ state: 'unchecked' });
    expect(seen).toEqual([]);
  });

  it('fetches only allowed hosts when an allow-list is set', async () => {
    const verifier = LinkVerifier.create({
      config: config({ allowedHosts: ['*.example.com', 'localhost'] }),
    });
    const other = await verifier.verify(`${base}/ok`);
    expect(other).toMatchObject({ state: 'unchecked' });
    expect(other.reason).toMatch(
      /not in readiness\.links\.verify\.allowedHosts/,
    );
    const allowed = await verifier.verify(
      `${base.replace('127.0.0.1', 'localhost')}/ok`,
    );
    expect(allowed).toMatchObject({ state: 'answered' });
  });

  it('leaves non-http links and a slow page unchecked', async () => {
    const slow = createServer(() => {
      // never answers
    });
    await new Promise<void>(resolve => slow.listen(0, '127.0.0.1', resolve));
    const port = (slow.address() as AddressInfo).port;
    try {
      const verifier = LinkVerifier.create({
        config: config({ timeoutMs: 200 }),
      });
      expect(await verifier.verify('mailto:ops@example.com')).toMatchObject({
        state: 'unchecked',
      });
      const check = await verifier.verify(`http://127.0.0.1:${port}/`);
      expect(check).toMatchObject({ state: 'unchecked' });
      expect(check.reason).toMatch(/no answer within 200 ms/);
    } finally {
      slow.closeAllConnections();
      await new Promise<void>(resolve => slow.close(() => resolve()));
    }
  });
});
