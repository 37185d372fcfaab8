import type {
  UrlReaderServiceReadTreeOptions,
  UrlReaderServiceReadTreeResponse,
} from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import type { RepositoryFacts } from '@prodready/plugin-readiness-common';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { RepositoryConfig } from './readRepositoryConfig';
import { RepositoryFactProvider } from './RepositoryFactProvider';
import { UnreadLocalPaths } from './UnreadLocalPaths';

const REPO_URL = 'https://github.com/example/payments/tree/main/';

function entity(name: string, annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, annotations },
    spec: { type: 'service', owner: 'payments', lifecycle: 'production' },
  };
}

/** A readTree answer that applies the filter as the real readers do. */
function tree(
  files: Record<string, string>,
  options?: UrlReaderServiceReadTreeOptions,
): UrlReaderServiceReadTreeResponse {
  const kept = Object.entries(files).filter(
    ([path, content]) =>
      !options?.filter ||
      options.filter(path, { size: Buffer.byteLength(content) }),
  );
  return {
    etag: 'etag-1',
    files: async () =>
      kept.map(([path, content]) => ({
        path,
        content: async () => Buffer.from(content),
      })),
    archive: async () => {
      throw new Error('not used');
    },
    dir: async () => {
      throw new Error('not used');
    },
  };
}

const PAYMENTS_FILES = {
  '.github/workflows/ci.yml':
    'jobs:\n  test:\n    steps:\n      - run: mvn test',
  '.github/workflows/deploy.yml':
    'jobs:\n  deploy:\n    steps:\n      - run: helm upgrade --install payments ./helm',
  'pom.xml':
    '<project><dependencies><dependency><groupId>io.opentelemetry</groupId><artifactId>opentelemetry-api</artifactId></dependency></dependencies></project>',
  'docs/runbook.md': '# Runbook',
  'src/main/java/App.java': 'class App {}',
  'README.md': '# Payments',
};

function config(overrides: Partial<RepositoryConfig> = {}): RepositoryConfig {
  return {
    maxFiles: 2000,
    timeoutMs: 10_000,
    cacheTtlMs: 3_600_000,
    failureCacheTtlMs: 300_000,
    cacheSize: 100,
    allowLocalPaths: false,
    localRoots: [],
    ...overrides,
  };
}

function context(signal = new AbortController().signal) {
  return { logger: mockServices.logger.mock(), signal, runId: 'run-1' };
}

describe('RepositoryFactProvider', () => {
  it('reads a remote repository through the UrlReader with a filter', async () => {
    const urlReader = mockServices.urlReader.mock({
      readTree: jest.fn(async (_url, options) => tree(PAYMENTS_FILES, options)),
    });
    const provider = RepositoryFactProvider.create({
      urlReader,
      logger: mockServices.logger.mock(),
      config: config(),
    });
    const result = await provider.collect(
      entity('payments-api', {
        'backstage.io/source-location': `url:${REPO_URL}`,
      }),
      context(),
    );
    expect(urlReader.readTree).toHaveBeenCalledWith(
      REPO_URL,
      expect.objectContaining({ signal: expect.any(AbortSignal) }),
    );
    expect(result.repository.status).toBe('ok');
    const facts = result.repository.data as RepositoryFacts;
    expect(facts.location).toBe(REPO_URL);
    expect(facts.files).toEqual([
      '.github/workflows/ci.yml',
      '.github/workflows/deploy.yml',
      'docs/runbook.md',
      'pom.xml',
    ]);
    expect(facts.dependencies).toEqual([
      {
        ecosystem: 'maven',
        name: 'io.opentelemetry:opentelemetry-api',
        manifest: 'pom.xml',
      },
    ]);
    expect(facts.filesByKind?.deploy).toEqual(['.github/workflows/deploy.yml']);
  });

  it('bounds the file list by maxFiles', async () => {
    const many: Record<string, string> = {};
    for (let i = 0; i < 30; i++) {
      many[`services/s${i}/package.json`] = '{}';
    }
    const urlReader = mockServices.urlReader.mock({
      readTree: jest.fn(async (_url, options) => tree(many, options)),
    });
    const provider = RepositoryFactProvider.create({
      urlReader,
      logger: mockServices.logger.mock(),
      config: config({ maxFiles: 10 }),
    });
    const result = await provider.collect(
      entity('mono', { 'backstage.io/source-location': `url:${REPO_URL}` }),
      context(),
    );
    const facts = result.repository.data as RepositoryFacts;
    expect(facts.files).toHaveLength(10);
    expect(facts.truncated).toBe(true);
  });

  it('bounds the file list even when a reader ignores the filter', async () => {
    const many: Record<string, string> = {};
    for (let i = 0; i < 30; i++) {
      many[`services/s${i}/go.mod`] = 'module x';
    }
    many['src/main.go'] = 'package main';
    const urlReader = mockServices.urlReader.mock({
      readTree: jest.fn(async () => tree(many)),
    });
    const provider = RepositoryFactProvider.create({
      urlReader,
      logger: mockServices.logger.mock(),
      config: config({ maxFiles: 10 }),
    });
    const result = await provider.collect(
      entity('mono', { 'backstage.io/source-location': `url:${REPO_URL}` }),
      context(),
    );
    const facts = result.repository.data as RepositoryFacts;
    expect(facts.files).toHaveLength(10);
    expect(facts.files).not.toContain('src/main.go');
    expect(facts.truncated).toBe(true);
  });

  it('is not-configured, with the reason, without a source location', async () => {
    const urlReader = mockServices.urlReader.mock();
    const provider = RepositoryFactProvider.create({
      urlReader,
      logger: mockServices.logger.mock(),
      config: config(),
    });
    await expect(
      provider.collect(entity('lonely', {}), context()),
    ).resolves.toEqual({
      repository: {
        status: 'not-configured',
        reason: 'the entity has no backstage.io/source-location annotation',
      },
    });
    expect(urlReader.readTree).not.toHaveBeenCalled();
  });

  it('makes a failed read unavailable with the reason, and remembers the failure', async () => {
    const urlReader = mockServices.urlReader.mock({
      readTree: jest.fn(async () => {
        throw new NotFoundError('Repository example/payments not found');
      }),
    });
    let now = 1_000_000;
    const provider = RepositoryFactProvider.create({
      urlReader,
      logger: mockServices.logger.mock(),
      config: config({ failureCacheTtlMs: 60_000 }),
      now: () => now,
    });
    const subject = entity('payments-api', {
      'backstage.io/source-location': `url:${REPO_URL}`,
    });
    const first = await provider.collect(subject, context());
    expect(first.repository).toMatchObject({
      status: 'unavailable',
      reason: `reading ${REPO_URL} failed: NotFoundError: Repository example/payments not found`,
    });
    await provider.collect(subject, context());
    expect(urlReader.readTree).toHaveBeenCalledTimes(1);
    now += 60_001;
    await provider.collect(subject, context());
    expect(urlReader.readTree).toHaveBeenCalledTimes(2);
  });

  it('times out a read that hangs and aborts its signal', async () => {
    let seenSignal: AbortSignal | undefined;
    const urlReader = mockServices.urlReader.mock({
      readTree: jest.fn((_url, options) => {
        seenSignal = options?.signal;
        return new Promise<UrlReaderServiceReadTreeResponse>(() => {});
      }),
    });
    const provider = RepositoryFactProvider.create({
      urlReader,
      logger: mockServices.logger.mock(),
      config: config({ timeoutMs: 50 }),
    });
    const result = await provider.collect(
      entity('slow', { 'backstage.io/source-location': `url:${REPO_URL}` }),
      context(),
    );
    expect(result.repository).toMatchObject({
      status: 'unavailable',
      reason: `reading ${REPO_URL} timed out after 50 ms`,
    });
    expect(seenSignal?.aborted).toBe(true);
  });

  it('reads a repository shared by several entities once, until the cache expires', async () => {
    const urlReader = mockServices.urlReader.mock({
      readTree: jest.fn(async (_url, options) => tree(PAYMENTS_FILES, options)),
    });
    let now = 5_000_000;
    const provider = RepositoryFactProvider.create({
      urlReader,
      logger: mockServices.logger.mock(),
      config: config({ cacheTtlMs: 1000 }),
      now: () => now,
    });
    const annotations = { 'backstage.io/source-location': `url:${REPO_URL}` };
    const results = await Promise.all([
      provider.collect(entity('a', annotations), context()),
      provider.collect(entity('b', annotations), context()),
    ]);
    await provider.collect(entity('c', annotations), context());
    expect(urlReader.readTree).toHaveBeenCalledTimes(1);
    expect(results[0].repository).toEqual(results[1].repository);
    now += 1001;
    await provider.collect(entity('a', annotations), context());
    expect(urlReader.readTree).toHaveBeenCalledTimes(2);
  });

  it('keeps at most cacheSize repositories', async () => {
    const urlReader = mockServices.urlReader.mock({
      readTree: jest.fn(async (_url, options) => tree(PAYMENTS_FILES, options)),
    });
    const provider = RepositoryFactProvider.create({
      urlReader,
      logger: mockServices.logger.mock(),
      config: config({ cacheSize: 1 }),
    });
    const a = entity('a', {
      'backstage.io/source-location': 'url:https://github.com/example/a/',
    });
    const b = entity('b', {
      'backstage.io/source-location': 'url:https://github.com/example/b/',
    });
    await provider.collect(a, context());
    await provider.collect(b, context());
    await provider.collect(a, context());
    expect(urlReader.readTree).toHaveBeenCalledTimes(3);
  });

  it("returns early when the caller's signal aborts", async () => {
    const urlReader = mockServices.urlReader.mock({
      readTree: jest.fn(
        () => new Promise<UrlReaderServiceReadTreeResponse>(() => {}),
      ),
    });
    const provider = RepositoryFactProvider.create({
      urlReader,
      logger: mockServices.logger.mock(),
      config: config({ timeoutMs: 60_000 }),
    });
    const controller = new AbortController();
    const pending = provider.collect(
      entity('x', { 'backstage.io/source-location': `url:${REPO_URL}` }),
      context(controller.signal),
    );
    controller.abort();
    await expect(pending).resolves.toEqual({
      repository: {
        status: 'unavailable',
        reason: 'repository read was cancelled',
      },
    });
    provider.clearCache();
  });

  describe('local source locations', () => {
    let root: string;
    let catalogFile: string;
    beforeEach(() => {
      root = mkdtempSync(join(tmpdir(), 'readiness-local-'));
      const files: Record<string, string> = {
        'catalog/components.yaml': 'kind: Component',
        'repos/orders/.github/workflows/ci.yml': 'on: push',
        'repos/orders/go.mod':
          'module orders\nrequire go.opentelemetry.io/otel v1.28.0\n',
        'repos/orders/RUNBOOK.md': '# Runbook',
      };
      for (const [path, content] of Object.entries(files)) {
        mkdirSync(dirname(join(root, path)), { recursive: true });
        writeFileSync(join(root, path), content);
      }
      catalogFile = join(root, 'catalog', 'components.yaml');
    });
    afterEach(() => {
      rmSync(root, { recursive: true, force: true });
    });

    const orders = () =>
      entity('orders', {
        'backstage.io/source-location': 'dir:../repos/orders/',
        'backstage.io/managed-by-location': `file:${catalogFile}`,
      });

    it('reads a dir: location relative to the catalog file when allowed', async () => {
      const provider = RepositoryFactProvider.create({
        urlReader: mockServices.urlReader.mock(),
        logger: mockServices.logger.mock(),
        config: config({ allowLocalPaths: true, localRoots: [root] }),
      });
      const result = await provider.collect(orders(), context());
      expect(result.repository.status).toBe('ok');
      const facts = result.repository.data as RepositoryFacts;
      expect(facts.files).toEqual([
        '.github/workflows/ci.yml',
        'RUNBOOK.md',
        'go.mod',
      ]);
      expect(facts.dependencies).toEqual([
        {
          ecosystem: 'go',
          name: 'go.opentelemetry.io/otel',
          manifest: 'go.mod',
        },
      ]);
    });

    it('does not read local paths unless allowLocalPaths is set', async () => {
      const provider = RepositoryFactProvider.create({
        urlReader: mockServices.urlReader.mock(),
        logger: mockServices.logger.mock(),
        config: config({ allowLocalPaths: false, localRoots: [root] }),
      });
      const result = await provider.collect(orders(), context());
      expect(result.repository).toMatchObject({
        status: 'not-configured',
        reason: expect.stringContaining(
          'is a local path, which this installation does not read',
        ),
      });
    });

    it('records the local paths it does not read for the setup notice, with the key to set, and forgets an entity that moved', async () => {
      const unreadLocalPaths = new UnreadLocalPaths(false);
      const provider = RepositoryFactProvider.create({
        urlReader: mockServices.urlReader.mock({
          readTree: async (_url, options) => tree(PAYMENTS_FILES, options),
        }),
        logger: mockServices.logger.mock(),
        config: config({ allowLocalPaths: false, localRoots: [root] }),
        unreadLocalPaths,
      });
      expect(unreadLocalPaths.describe(['runbook.runbook'])).toBeUndefined();
      await provider.collect(orders(), context());
      // Scored twice, counted once.
      await provider.collect(orders(), context());
      expect(unreadLocalPaths.describe(['runbook.runbook'])).toEqual({
        entityCount: 1,
        examplePath: expect.stringContaining(join('repos', 'orders')),
        configKey: 'readiness.repository.allowLocalPaths',
        checkIds: ['runbook.runbook'],
        howTo: expect.stringContaining(
          '`readiness.repository.allowLocalPaths: true`',
        ),
      });
      // Its source location now a URL: no longer counted.
      await provider.collect(
        entity('orders', { 'backstage.io/source-location': `url:${REPO_URL}` }),
        context(),
      );
      expect(unreadLocalPaths.describe(['runbook.runbook'])).toBeUndefined();
    });

    it('names localRoots for local paths outside the roots it reads', async () => {
      const unreadLocalPaths = new UnreadLocalPaths(true);
      const provider = RepositoryFactProvider.create({
        urlReader: mockServices.urlReader.mock(),
        logger: mockServices.logger.mock(),
        config: config({
          allowLocalPaths: true,
          localRoots: [join(root, 'catalog')],
        }),
        unreadLocalPaths,
      });
      await provider.collect(orders(), context());
      expect(unreadLocalPaths.describe([])).toMatchObject({
        entityCount: 1,
        configKey: 'readiness.repository.localRoots',
        howTo: expect.stringContaining('`readiness.repository.localRoots`'),
      });
    });

    it('does not read outside the allowed roots', async () => {
      const provider = RepositoryFactProvider.create({
        urlReader: mockServices.urlReader.mock(),
        logger: mockServices.logger.mock(),
        config: config({
          allowLocalPaths: true,
          localRoots: [join(root, 'catalog')],
        }),
      });
      const result = await provider.collect(orders(), context());
      expect(result.repository).toMatchObject({
        status: 'not-configured',
        reason: expect.stringContaining(
          'is outside the local directories this installation reads',
        ),
      });
      const escape = await provider.collect(
        entity('escape', {
          'backstage.io/source-location': 'dir:../../../../../etc/',
          'backstage.io/managed-by-location': `file:${catalogFile}`,
        }),
        context(),
      );
      expect(escape.repository.status).toBe('not-configured');
    });

    it('makes a missing local directory unavailable', async () => {
      const provider = RepositoryFactProvider.create({
        urlReader: mockServices.urlReader.mock(),
        logger: mockServices.logger.mock(),
        config: config({ allowLocalPaths: true, localRoots: [root] }),
      });
      const result = await provider.collect(
        entity('gone', {
          'backstage.io/source-location': 'dir:../repos/gone/',
          'backstage.io/managed-by-location': `file:${catalogFile}`,
        }),
        context(),
      );
      expect(result.repository).toMatchObject({
        status: 'unavailable',
        reason: expect.stringContaining(
          `directory ${resolve(root, 'repos/gone')} does not exist`,
        ),
      });
    });
  });
});
