import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  ANNOTATION_SOURCE_LOCATION,
  Entity,
  parseLocationRef,
} from '@backstage/catalog-model';

/**
 * Path of a repository subdirectory in a hosted source URL: GitHub
 * (`/tree/<ref>/<path>`, `/blob/<ref>/<path>`), GitLab
 * (`/-/tree/<ref>/<path>`) and Bitbucket (`/src/<ref>/<path>`).
 */
const SUBDIRECTORY_IN_URL =
  /^\/[^/]+\/[^/]+(?:\/-)?\/(?:tree|blob|src)\/[^/]+\/(.+?)\/?$/;

/**
 * Which local directory an entity's repository facts come from, and why;
 * `directory` is absent when none can be chosen honestly.
 *
 * @public
 */
export interface RepositoryScope {
  /** Absolute directory, or absent: no repository facts for the entity. */
  directory?: string;
  /** Why this directory (or why none), for the output. */
  reason: string;
  /**
   * The repository root when `directory` is a subdirectory of it (a service
   * in a monorepo): its CI files are judged for the subdirectory.
   */
  root?: string;
}

/**
 * Where to look for an entity's repository, offline.
 *
 * @public
 */
export interface RepositoryScopeOptions {
  /** `--repo`, absolute: replaces the catalog file's git work tree. */
  repo?: string;
  /**
   * The git work tree holding the catalog file (absolute), when it is in
   * one; see {@link findGitWorkTree}.
   */
  gitWorkTree?: string;
  /** The work tree's `origin` remote URL, to tell whether a `url:` source location is the same repository. */
  originUrl?: string;
}

/**
 * The top of the git work tree holding `directory` (a parent with a `.git`
 * directory or file), or undefined.
 *
 * @public
 */
export function findGitWorkTree(directory: string): string | undefined {
  let current = path.resolve(directory);
  for (;;) {
    if (fs.existsSync(path.join(current, '.git'))) {
      return current;
    }
    const parent = path.dirname(current);
    if (parent === current) {
      return undefined;
    }
    current = parent;
  }
}

/**
 * The `origin` remote URL of a git work tree, or undefined (no git, no
 * remote).
 *
 * @public
 */
export function readOriginUrl(workTree: string): string | undefined {
  try {
    return (
      execFileSync('git', ['-C', workTree, 'config', 'remote.origin.url'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim() || undefined
    );
  } catch {
    return undefined;
  }
}

/** `host/owner/name` of a repository URL (https, ssh or scp-like). */
function repositoryKey(url: string): string | undefined {
  const scp = /^[\w.-]+@([^:/]+):(.+)$/.exec(url);
  let host: string;
  let pathname: string;
  if (scp) {
    [, host, pathname] = scp;
  } else {
    try {
      const parsed = new URL(url);
      host = parsed.hostname;
      pathname = parsed.pathname;
    } catch {
      return undefined;
    }
  }
  const parts = pathname
    .replace(/^\/+/, '')
    .replace(/\.git$/, '')
    .split('/')
    .filter(Boolean);
  if (parts.length < 2) {
    return undefined;
  }
  return `${host}/${parts[0]}/${parts[1].replace(/\.git$/, '')}`.toLowerCase();
}

function isDirectoryInside(directory: string, root: string): boolean {
  return (
    (directory === root || directory.startsWith(root + path.sep)) &&
    fs.existsSync(directory) &&
    fs.statSync(directory).isDirectory()
  );
}

/**
 * Which local directory holds an entity's repository, offline:
 *
 * - the base is `--repo` when given, else the directory of the catalog file
 *   when it is inside a git work tree (never the current directory); outside
 *   a work tree without `--repo`, no directory;
 * - a `dir:` or `file:` source location (`backstage.io/source-location`),
 *   relative to the catalog file, narrows it to that directory (inside the
 *   work tree, or anywhere with `--repo`);
 * - a `url:` source location into the same repository (`…/tree/<ref>/<path>`,
 *   GitLab `…/-/tree/…`, Bitbucket `…/src/…`) narrows it to that `<path>` of
 *   the work tree (of `--repo`) when it exists there; a `url:` into another
 *   repository gives no directory unless `--repo` is given;
 * - when the directory is below the work tree's top (or `--repo`), that top
 *   is the `root` whose CI files count where they concern the directory
 *   (see `judgeRootCiFile`).
 *
 * @param entity - the entity
 * @param catalogFile - absolute path of the file the entity was read from
 * @param options - `--repo` and the catalog file's git work tree
 * @public
 */
export function resolveRepositoryDirectory(
  entity: Entity,
  catalogFile: string,
  options: RepositoryScopeOptions,
): RepositoryScope {
  const scope = resolveDirectory(entity, catalogFile, options);
  const root = options.repo ?? options.gitWorkTree;
  if (
    scope.directory &&
    root &&
    scope.directory !== root &&
    scope.directory.startsWith(root + path.sep)
  ) {
    return { ...scope, root };
  }
  return scope;
}

function resolveDirectory(
  entity: Entity,
  catalogFile: string,
  options: RepositoryScopeOptions,
): RepositoryScope {
  const { repo, gitWorkTree, originUrl } = options;
  const root = repo ?? gitWorkTree;
  if (!root) {
    return {
      reason:
        'the catalog file is not inside a git work tree; pass --repo DIR to read a checkout',
    };
  }
  const base: RepositoryScope = repo
    ? { directory: repo, reason: '--repo' }
    : {
        directory: path.dirname(catalogFile),
        reason: "the catalog file's directory",
      };

  const annotation = entity.metadata.annotations?.[ANNOTATION_SOURCE_LOCATION];
  if (!annotation) {
    return base;
  }
  let ref: { type: string; target: string };
  try {
    ref = parseLocationRef(annotation);
  } catch {
    return base;
  }
  const why = `${ANNOTATION_SOURCE_LOCATION} ${annotation}`;
  if (ref.type === 'dir' || ref.type === 'file') {
    const directory = path.resolve(path.dirname(catalogFile), ref.target);
    if (repo || isDirectoryInside(directory, root)) {
      return { directory, reason: why };
    }
    return {
      ...base,
      reason: `${base.reason} (${why} is not a directory of the work tree)`,
    };
  }
  if (ref.type !== 'url') {
    return base;
  }
  const sameRepository =
    repo !== undefined ||
    originUrl === undefined ||
    repositoryKey(ref.target) === repositoryKey(originUrl);
  if (!sameRepository) {
    return {
      reason: `its ${why} is another repository than this work tree's (${originUrl}), not read offline; pass --repo DIR with its checkout`,
    };
  }
  let pathname: string;
  try {
    pathname = new URL(ref.target).pathname;
  } catch {
    return base;
  }
  const match = SUBDIRECTORY_IN_URL.exec(pathname);
  if (match) {
    const subdirectory = path.resolve(root, decodeURIComponent(match[1]));
    if (subdirectory !== root && isDirectoryInside(subdirectory, root)) {
      return { directory: subdirectory, reason: why };
    }
    return base;
  }
  return repo ? base : { directory: root, reason: why };
}
