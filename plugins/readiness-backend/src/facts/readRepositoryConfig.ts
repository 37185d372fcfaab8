import type { Config } from '@backstage/config';
import { readConfigValues } from '@prodready/plugin-readiness-node';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * Settings of the repository fact provider, read from
 * `readiness.repository`.
 *
 * @internal
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

/** The defaults, documented in config.d.ts with `@default`. */
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
 * @internal
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

/**
 * Reads `readiness.repository.*` into a typed object. Bad values throw an
 * `InputError` that names the config path and the value.
 *
 * @param config - the root config
 * @param options - `cwd` resolves relative `localRoots` (default: the
 *   process's working directory, where Backstage resolves relative `file`
 *   catalog locations too)
 * @internal
 */
export function readRepositoryConfig(
  config: Config,
  options?: { cwd?: string },
): RepositoryConfig {
  const cwd = options?.cwd ?? process.cwd();
  const values = readConfigValues(config, PREFIX);

  let localRoots: string[];
  const roots = config.getOptional(values.path('localRoots'));
  if (roots === undefined) {
    localRoots = [findAppRepositoryRoot(cwd)];
  } else if (
    Array.isArray(roots) &&
    roots.every(root => typeof root === 'string' && root.trim() !== '')
  ) {
    localRoots = (roots as string[]).map(root => resolve(cwd, root));
  } else {
    throw values.invalid('localRoots', roots, 'a list of directory paths');
  }

  return {
    maxFiles: values.integer('maxFiles', { default: DEFAULTS.maxFiles }),
    timeoutMs: values.durationMs('timeout', { default: DEFAULTS.timeoutMs }),
    cacheTtlMs: values.durationMs('cacheTtl', { default: DEFAULTS.cacheTtlMs }),
    failureCacheTtlMs: values.durationMs('failureCacheTtl', {
      default: DEFAULTS.failureCacheTtlMs,
    }),
    cacheSize: values.integer('cacheSize', { default: DEFAULTS.cacheSize }),
    allowLocalPaths: values.boolean('allowLocalPaths', { default: false }),
    localRoots,
  };
}
