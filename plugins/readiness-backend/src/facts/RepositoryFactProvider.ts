import type {
  LoggerService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import type { Config } from '@backstage/config';
import {
  buildRepositoryFacts,
  describeError,
  FactNamespace,
  RepositoryFacts,
  RepositoryRootSource,
} from '@prodready/plugin-readiness-common';
import {
  isInside,
  readLocalRepository,
  readRepositoryRoot,
  type FactProviderContext,
  type ReadinessFactProvider,
  type RepositoryReadOptions,
  type RepositorySnapshot,
} from '@prodready/plugin-readiness-node';
import { realpath } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import { findRepositoryRoot } from './findRepositoryRoot';
import { formatDuration } from './formatDuration';
import { readRepositoryConfig, RepositoryConfig } from './readRepositoryConfig';
import { readUrlRepository } from './readUrlRepository';
import {
  readUrlRepositoryRoot,
  rootSnapshotFor,
  UrlRepositoryRoot,
} from './readUrlRepositoryRoot';
import { resolveSourceLocation } from './resolveSourceLocation';
import { TtlLruCache } from './TtlLruCache';
import type { UnreadLocalPaths } from './UnreadLocalPaths';

/**
 * Options of {@link RepositoryFactProvider.create}.
 *
 * @internal
 */
export interface RepositoryFactProviderOptions {
  urlReader: UrlReaderService;
  logger: LoggerService;
  /** `readiness.repository` settings, see {@link readRepositoryConfig}. */
  config: RepositoryConfig;
  /** Replaces the local directory reader (tests). */
  readLocal?: (
    root: string,
    options: RepositoryReadOptions,
  ) => Promise<RepositorySnapshot>;
  /** Clock for the cache (tests). */
  now?: () => number;
  /** Where local source locations that are not read are recorded. */
  unreadLocalPaths?: UnreadLocalPaths;
}

type RepositoryNamespace = FactNamespace<RepositoryFacts>;

/** Reads the root of the repository a subdirectory location is in. */
type RootLoader = (signal: AbortSignal) => Promise<RepositoryRootSource>;

const MAX_REASON_LENGTH = 300;

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > MAX_REASON_LENGTH
    ? `${line.slice(0, MAX_REASON_LENGTH - 1)}…`
    : line;
}

class ReadTimeoutError extends Error {
  override name = 'TimeoutError';
}

/**
 * Fills the `repository` namespace from the entity's source repository.
 *
 * - Where: see `resolveSourceLocation` (`backstage.io/source-location`,
 *   then the catalog's fallback). Remote locations are read through
 *   `coreServices.urlReader` (`readTree` with a filter that keeps only
 *   interesting files), so any configured integration works unchanged.
 *   Local `dir:`/`file:` locations are read from disk only when
 *   `readiness.repository.allowLocalPaths` is true and the directory is under
 *   one of `readiness.repository.localRoots` (symbolic links resolved).
 * - Bounds: at most `maxFiles` files; one read may take `timeout` (its
 *   AbortSignal is passed to the reader, and the wait is cut regardless).
 * - Monorepos: when the location is a subdirectory of a repository (a tree
 *   URL with a path, or a local directory below a git work tree), the CI
 *   files at the repository root are read too and judged by
 *   `judgeRootCiFile` (they count only where they concern the subdirectory).
 *   A failed root read leaves the facts of the subdirectory, with the reason.
 * - Cache: per location, successes for `cacheTtl`, failures for
 *   `failureCacheTtl`, at most `cacheSize` locations (least recently used
 *   dropped). Entities that share a repository share one read; the services
 *   of one monorepo share one read of its root.
 * - Results: no source location → `not-configured` with the reason; a read
 *   that fails or times out → `unavailable` with the reason, so only the
 *   checks that need the repository become `unknown`.
 *
 * @internal
 */
export class RepositoryFactProvider implements ReadinessFactProvider {
  readonly id = 'repository';
  readonly namespaces = ['repository'];

  readonly #urlReader: UrlReaderService;
  readonly #logger: LoggerService;
  readonly #config: RepositoryConfig;
  readonly #readLocal: NonNullable<RepositoryFactProviderOptions['readLocal']>;
  readonly #cache: TtlLruCache<RepositoryNamespace>;
  readonly #rootCache: TtlLruCache<UrlRepositoryRoot | Error>;
  #resolvedRoots?: Promise<string[]>;
  readonly #unreadLocalPaths?: UnreadLocalPaths;

  /** Creates the provider from settings. */
  static create(
    options: RepositoryFactProviderOptions,
  ): RepositoryFactProvider {
    return new RepositoryFactProvider(options);
  }

  /** Creates the provider, reading `readiness.repository.*` from config. */
  static fromConfig(
    config: Config,
    options: Omit<RepositoryFactProviderOptions, 'config'>,
  ): RepositoryFactProvider {
    return new RepositoryFactProvider({
      ...options,
      config: readRepositoryConfig(config),
    });
  }

  private constructor(options: RepositoryFactProviderOptions) {
    this.#urlReader = options.urlReader;
    this.#logger = options.logger;
    this.#config = options.config;
    this.#readLocal = options.readLocal ?? readLocalRepository;
    this.#unreadLocalPaths = options.unreadLocalPaths;
    this.#cache = new TtlLruCache({
      maxEntries: options.config.cacheSize,
      now: options.now,
    });
    this.#rootCache = new TtlLruCache({
      maxEntries: options.config.cacheSize,
      now: options.now,
    });
  }

  /** Forgets every cached repository (e.g. before a forced refresh). */
  clearCache(): void {
    this.#cache.clear();
    this.#rootCache.clear();
  }

  async collect(
    entity: Entity,
    context: FactProviderContext,
  ): Promise<Record<string, FactNamespace<unknown>>> {
    return { repository: await this.#collect(entity, context) };
  }

  async #collect(
    entity: Entity,
    context: FactProviderContext,
  ): Promise<RepositoryNamespace> {
    const location = resolveSourceLocation(entity);
    const ref = stringifyEntityRef(entity);
    if (location.kind === 'local' && !this.#config.allowLocalPaths) {
      this.#unreadLocalPaths?.record(ref, location.path);
    } else {
      this.#unreadLocalPaths?.forget(ref);
    }
    if (location.kind === 'none') {
      return { status: 'not-configured', reason: location.reason };
    }

    let key: string;
    let display: string;
    let read: (options: RepositoryReadOptions) => Promise<RepositorySnapshot>;
    let root: RootLoader | undefined;
    if (location.kind === 'local') {
      if (!this.#config.allowLocalPaths) {
        return {
          status: 'not-configured',
          // Said about the entity; the setup notice says how to read local paths.
          reason: `source location ${location.path} is a local path, which this installation does not read`,
        };
      }
      const real = await this.#realLocalPath(location.path);
      if (!real.ok) {
        this.#unreadLocalPaths?.record(ref, location.path);
        return { status: 'not-configured', reason: real.reason };
      }
      key = `local:${real.path}`;
      display = real.path;
      read = options => this.#readLocal(real.path, options);
      root = await this.#localRootLoader(real.path);
    } else {
      key = `url:${location.url}`;
      display = location.url;
      read = options =>
        readUrlRepository(this.#urlReader, location.url, options);
      const parts = location.root;
      if (parts) {
        root = signal =>
          this.#readUrlRoot(parts.root, parts.subdirectory, signal);
      }
    }

    const pending = this.#cache.getOrLoad(
      key,
      () => this.#read(display, read, root, context),
      value =>
        value.status === 'ok'
          ? this.#config.cacheTtlMs
          : this.#config.failureCacheTtlMs,
    );
    return await raceAbort(pending, context.signal);
  }

  /** Resolves symbolic links and checks the path is under an allowed root. */
  async #realLocalPath(
    path: string,
  ): Promise<{ ok: true; path: string } | { ok: false; reason: string }> {
    this.#resolvedRoots ??= Promise.all(
      this.#config.localRoots.map(root =>
        realpath(root).catch(() => resolve(root)),
      ),
    );
    const roots = await this.#resolvedRoots;
    const real = await realpath(path).catch(() => resolve(path));
    if (!roots.some(root => isInside(root, real))) {
      return {
        ok: false,
        reason: `source location ${path} is outside the local directories this installation reads`,
      };
    }
    return { ok: true, path: real };
  }

  /**
   * The root loader of a local directory below a git work tree that is
   * itself under an allowed root; undefined for a repository root.
   */
  async #localRootLoader(path: string): Promise<RootLoader | undefined> {
    const roots = await this.#resolvedRoots!;
    const top = await findRepositoryRoot(path, roots);
    if (!top || top === path) {
      return undefined;
    }
    const subdirectory = relative(top, path).split(sep).join('/');
    return async () => ({
      location: top,
      subdirectory,
      ...(await readRepositoryRoot(top, subdirectory)),
    });
  }

  /** Reads a remote root once for all its subdirectories (cached). */
  async #readUrlRoot(
    url: string,
    subdirectory: string,
    signal: AbortSignal,
  ): Promise<RepositoryRootSource> {
    const root = await this.#rootCache.getOrLoad(
      `url:${url}`,
      () =>
        readUrlRepositoryRoot(this.#urlReader, url, signal).catch(
          (error: unknown) => new Error(describeError(error)),
        ),
      value =>
        value instanceof Error
          ? this.#config.failureCacheTtlMs
          : this.#config.cacheTtlMs,
    );
    if (root instanceof Error) {
      return {
        location: url,
        subdirectory,
        files: [],
        siblings: [],
        readFile: async () => undefined,
        unavailable: oneLine(`reading ${url} failed: ${root.message}`),
      };
    }
    return {
      location: url,
      subdirectory,
      ...rootSnapshotFor(root, subdirectory),
    };
  }

  async #read(
    display: string,
    read: (options: RepositoryReadOptions) => Promise<RepositorySnapshot>,
    root: RootLoader | undefined,
    context: FactProviderContext,
  ): Promise<RepositoryNamespace> {
    const started = Date.now();
    const controller = new AbortController();
    const timeoutMs = this.#config.timeoutMs;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const error = new ReadTimeoutError(
          `timed out after ${formatDuration(timeoutMs)}`,
        );
        controller.abort(error);
        reject(error);
      }, timeoutMs);
      timer.unref?.();
    });
    try {
      const facts = await Promise.race([
        (async () => {
          const [snapshot, rootSource] = await Promise.all([
            read({
              maxFiles: this.#config.maxFiles,
              signal: controller.signal,
            }),
            root?.(controller.signal),
          ]);
          return buildRepositoryFacts({
            location: display,
            files: snapshot.files,
            truncated: snapshot.truncated,
            readFile: path => snapshot.readFile(path),
            root: rootSource,
          });
        })(),
        timeout,
      ]);
      this.#logger.debug(
        `Read ${facts.files.length} repository files from ${display} in ${
          Date.now() - started
        } ms`,
        { runId: context.runId },
      );
      return {
        status: 'ok',
        data: facts,
        collectedAt: new Date().toISOString(),
      };
    } catch (error) {
      const reason =
        error instanceof ReadTimeoutError
          ? `reading ${display} ${error.message}`
          : `reading ${display} failed: ${describeError(error)}`;
      this.#logger.warn(`Repository facts unavailable: ${reason}`, {
        runId: context.runId,
      });
      return {
        status: 'unavailable',
        reason: oneLine(reason),
        collectedAt: new Date().toISOString(),
      };
    } finally {
      clearTimeout(timer);
    }
  }
}

/**
 * Waits for a shared read, but returns early for this caller when its own
 * signal aborts (the read itself goes on for the other callers).
 */
async function raceAbort(
  pending: Promise<RepositoryNamespace>,
  signal: AbortSignal,
): Promise<RepositoryNamespace> {
  if (signal.aborted) {
    return { status: 'unavailable', reason: 'repository read was cancelled' };
  }
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<RepositoryNamespace>(resolvePromise => {
    onAbort = () =>
      resolvePromise({
        status: 'unavailable',
        reason: 'repository read was cancelled',
      });
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([pending, aborted]);
  } finally {
    if (onAbort) {
      signal.removeEventListener('abort', onAbort);
    }
  }
}
