import type {
  UrlReaderServiceReadTreeOptions,
  UrlReaderServiceReadTreeResponse,
} from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import type { RepositoryFacts } from '@prodready/plugin-readiness-common';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { RepositoryConfig } from './readRepositoryConfig';
import { RepositoryFactProvider } from './RepositoryFactProvider';

const ROOT = 'https://github.com/acme/shop/tree/main/';

/** The whole monorepo; a tree URL with a path reads the files under it. */
const SHOP: Record<string, string> = {
  '.github/workflows/cart.yml':
    'on:\n  push:\n    paths: ["services/cart/**"]\njobs:\n  ship:\n    steps:\n      - run: kubectl apply -f services/cart/k8s',
  '.github/workflows/payments.yml':
    'on:\n  push:\n    paths:\n      - services/payments/**\njobs: {}',
  'services/cart/package.json': '{"dependencies":{"pino":"9"}}',
  'services/cart/src/index.ts': 'export {}',
  'services/payments/pom.xml': '<project/>',
  'services/search/go.mod': 'module search',
};

function entity(name: string, sourceLocation: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      annotations: { 'backstage.io/source-location': sourceLocation },
    },
    spec: { type: 'service', owner: 'shop', lifecycle: 'production' },
  };
}

function tree(
  url: string,
  options?: UrlReaderServiceReadTreeOptions,
): UrlReaderServiceReadTreeResponse {
  const prefix = url.slice(ROOT.length);
  const kept = Object.entries(SHOP)
    .filter(([path]) => path.startsWith(prefix))
    .map(([path, content]) => [path.slice(prefix.length), content] as const)
    .filter(
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

function context() {
  return {
    logger: mockServices.logger.mock(),
    signal: new AbortController().signal,
    runId: 'run-1',
  };
}

describe('RepositoryFactProvider in a monorepo', () => {
  it('judges the root CI files for each service, reading the root once for all', async () => {
    const urlReader = mockServices.urlReader.mock({
      readTree: jest.fn(async (url: string, options) => tree(url, options)),
    });
    const provider = RepositoryFactProvider.create({
      urlReader,
      logger: mockServices.logger.mock(),
      config: config(),
    });
    const cart = await provider.collect(
      entity('cart', `url:${ROOT}services/cart/`),
      context(),
    );
    const search = await provider.collect(
      entity('search', `url:${ROOT}services/search/`),
      context(),
    );

    const cartFacts = cart.repository.data as RepositoryFacts;
    expect(cartFacts.files).toEqual(['package.json']);
    expect(cartFacts.root).toEqual({
      location: ROOT,
      subdirectory: 'services/cart',
      files: [
        {
          path: '.github/workflows/cart.yml',
          kinds: ['ci', 'deploy'],
          reason: "its paths filter 'services/cart/**' includes services/cart/",
        },
      ],
      ignored: [
        {
          path: '.github/workflows/payments.yml',
          reason:
            "its paths filter ('services/payments/**') does not include services/cart/",
        },
      ],
    });
    const searchFacts = search.repository.data as RepositoryFacts;
    expect(searchFacts.root?.files).toEqual([]);
    expect(searchFacts.root?.ignored.map(f => f.path)).toEqual([
      '.github/workflows/cart.yml',
      '.github/workflows/payments.yml',
    ]);
    // two subdirectories, one root
    expect(
      (urlReader.readTree as jest.Mock).mock.calls.map(([url]) => url),
    ).toEqual([`${ROOT}services/cart/`, ROOT, `${ROOT}services/search/`]);
  });

  it('keeps the subdirectory facts when the root cannot be read, with the reason', async () => {
    const urlReader = mockServices.urlReader.mock({
      readTree: jest.fn(async (url: string, options) => {
        if (url === ROOT) {
          throw new Error('rate limited');
        }
        return tree(url, options);
      }),
    });
    const provider = RepositoryFactProvider.create({
      urlReader,
      logger: mockServices.logger.mock(),
      config: config(),
    });
    const cart = await provider.collect(
      entity('cart', `url:${ROOT}services/cart/`),
      context(),
    );
    expect(cart.repository.status).toBe('ok');
    expect((cart.repository.data as RepositoryFacts).root).toMatchObject({
      files: [],
      unavailable: `reading ${ROOT} failed: rate limited`,
    });
  });

  it('does not read a root for a location that is the repository root', async () => {
    const urlReader = mockServices.urlReader.mock({
      readTree: jest.fn(async (url: string, options) => tree(url, options)),
    });
    const provider = RepositoryFactProvider.create({
      urlReader,
      logger: mockServices.logger.mock(),
      config: config(),
    });
    const shop = await provider.collect(
      entity('shop', `url:${ROOT}`),
      context(),
    );
    expect((shop.repository.data as RepositoryFacts).root).toBeUndefined();
    expect(urlReader.readTree).toHaveBeenCalledTimes(1);
  });

  describe('on disk', () => {
    let base: string;
    beforeEach(() => {
      base = mkdtempSync(join(tmpdir(), 'readiness-monorepo-'));
      for (const [path, content] of Object.entries({
        ...SHOP,
        '.git/HEAD': 'ref: refs/heads/main',
      })) {
        mkdirSync(dirname(join(base, 'shop', path)), { recursive: true });
        writeFileSync(join(base, 'shop', path), content);
      }
    });
    afterEach(() => rmSync(base, { recursive: true, force: true }));

    it('reads the root CI of the git work tree a local service directory is in', async () => {
      const provider = RepositoryFactProvider.create({
        urlReader: mockServices.urlReader.mock(),
        logger: mockServices.logger.mock(),
        config: config({ allowLocalPaths: true, localRoots: [base] }),
      });
      const cart = await provider.collect(
        entity('cart', `dir:${join(base, 'shop/services/cart')}`),
        context(),
      );
      const facts = cart.repository.data as RepositoryFacts;
      expect(facts.root?.subdirectory).toBe('services/cart');
      expect(facts.root?.files.map(f => f.path)).toEqual([
        '.github/workflows/cart.yml',
      ]);
    });

    it('does not look for a work tree above the allowed roots', async () => {
      const provider = RepositoryFactProvider.create({
        urlReader: mockServices.urlReader.mock(),
        logger: mockServices.logger.mock(),
        config: config({
          allowLocalPaths: true,
          localRoots: [join(base, 'shop/services')],
        }),
      });
      const cart = await provider.collect(
        entity('cart', `dir:${join(base, 'shop/services/cart')}`),
        context(),
      );
      expect(cart.repository.status).toBe('ok');
      expect((cart.repository.data as RepositoryFacts).root).toBeUndefined();
    });
  });
});
