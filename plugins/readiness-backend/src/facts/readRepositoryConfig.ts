import type { Config } from '@backstage/config';
import { readDurationFromConfig } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { durationToMilliseconds } from '@backstage/types';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * Settings of the repository fact provider, read from
 * `readiness.repository`.
 *
 * @public
 */
export interface RepositoryConfig {
  /** Most interesting files listed per repository; more marks it truncated. */
  maxFiles: number;
  /** Time budget of one repository read, in milliseconds. */
  timeoutMs: number;
  /** How long a successful read is reused, in milliseconds. */
  cacheTtlMs: number;
  /** How long a failed read is remembered before retrying, in milliseconds. */
  failureCacheTtlMs: number;
  /** Most repositories kept in the cache (least recently used go first). */
  cacheSize: number;
  /** Whether `dir:` / `file:` source locations are read from local disk. */
  allowLocalPaths: boolean;
  /** Absolute directories local source locations must be inside. */
  localRoots: string[];
}

const PREFIX = 'readiness.repository';

/** The defaults, documented in config.d.ts. */
const DEFAULTS = {
  maxFiles: 2000,
  timeoutMs: 10_000,
  cacheTtlMs: 60 * 60 * 1000,
  failureCacheTtlMs: 5 * 60 * 1000,
  cacheSize: 5000,
};

/**
 * Finds the repository root of the running app: the nearest directory at or
 * above `from` that contains an `examples/` directory, else the nearest one
 * holding a `package.json` with `workspaces`, else `from` itself.
 *
 * @public
 */
export function findAppRepositoryRoot(from: string = process.cwd()): string {
  const start = resolve(from);
  const isDirectory = (path: string) => {
    try {
      return statSync(path).isDirectory();
    } catch {
      return false;
    }
  };
  for (let dir = start; ; dir = dirname(dir)) {
    if (isDirectory(join(dir, 'examples'))) {
      return dir;
    }
    if (dirname(dir) === dir) {
      break;
    }
  }
  for (let dir = start; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        const json: unknown = JSON.parse(readFileSync(manifest, 'utf8'));
        if (typeof json === 'object' && json !== null && 'workspaces' in json) {
          return dir;
        }
      } catch {
        // not a readable manifest; keep looking
      }
    }
    if (dirname(dir) === dir) {
      break;
    }
  }
  return start;
}

function readMs(
  config: Config | undefined,
  key: string,
  fallback: number,
): number {
  if (!config?.has(key)) {
    return fallback;
  }
  const path = `${PREFIX}.${key}`;
  const value = config.getOptional(key);
  let ms: number;
  if (typeof value === 'number') {
    ms = value;
  } else {
    try {
      ms = durationToMilliseconds(readDurationFromConfig(config, { key }));
    } catch (error) {
      throw new InputError(
        `Invalid duration at ${path}: ${JSON.stringify(
          value,
        )}; expected milliseconds, ` +
          `a string like '10s' or 'PT1H', or an object like { seconds: 10 }`,
        error,
      );
    }
  }
  if (!Number.isFinite(ms) || ms <= 0) {
    throw new InputError(
      `Invalid duration at ${path}: ${JSON.stringify(
        value,
      )}; it must be positive`,
    );
  }
  return ms;
}

function readPositiveInteger(
  config: Config | undefined,
  key: string,
  fallback: number,
): number {
  if (!config?.has(key)) {
    return fallback;
  }
  const value = config.getOptional(key);
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new InputError(
      `Invalid value at ${PREFIX}.${key}: ${JSON.stringify(
        value,
      )}; expected a positive integer`,
    );
  }
  return value;
}

/**
 * Reads `readiness.repository.*` into a typed object. Bad values throw an
 * `InputError` that names the config path and the value.
 *
 * @param config - the root config
 * @param options - `cwd` resolves relative `localRoots` (default: the
 *   process's working directory, where Backstage resolves relative `file`
 *   catalog locations too)
 * @public
 */
export function readRepositoryConfig(
  config: Config,
  options?: { cwd?: string },
): RepositoryConfig {
  const cwd = options?.cwd ?? process.cwd();
  const value = config.getOptional(PREFIX);
  if (
    value !== undefined &&
    (typeof value !== 'object' || value === null || Array.isArray(value))
  ) {
    throw new InputError(
      `Invalid value at ${PREFIX}: ${JSON.stringify(
        value,
      )}; expected an object`,
    );
  }
  const repository = config.getOptionalConfig(PREFIX);

  const allowLocalPaths = repository?.getOptional('allowLocalPaths');
  if (allowLocalPaths !== undefined && typeof allowLocalPaths !== 'boolean') {
    throw new InputError(
      `Invalid value at ${PREFIX}.allowLocalPaths: ${JSON.stringify(
        allowLocalPaths,
      )}; expected true or false`,
    );
  }

  let localRoots: string[];
  const roots = repository?.getOptional('localRoots');
  if (roots === undefined) {
    localRoots = [findAppRepositoryRoot(cwd)];
  } else if (
    Array.isArray(roots) &&
    roots.every(root => typeof root === 'string' && root.trim() !== '')
  ) {
    localRoots = (roots as string[]).map(root => resolve(cwd, root));
  } else {
    throw new InputError(
      `Invalid value at ${PREFIX}.localRoots: ${JSON.stringify(
        roots,
      )}; expected a list of directory paths`,
    );
  }

  return {
    maxFiles: readPositiveInteger(repository, 'maxFiles', DEFAULTS.maxFiles),
    timeoutMs: readMs(repository, 'timeout', DEFAULTS.timeoutMs),
    cacheTtlMs: readMs(repository, 'cacheTtl', DEFAULTS.cacheTtlMs),
    failureCacheTtlMs: readMs(
      repository,
      'failureCacheTtl',
      DEFAULTS.failureCacheTtlMs,
    ),
    cacheSize: readPositiveInteger(repository, 'cacheSize', DEFAULTS.cacheSize),
    allowLocalPaths: allowLocalPaths ?? false,
    localRoots,
  };
}
