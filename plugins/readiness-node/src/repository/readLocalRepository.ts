import { NotFoundError } from '@backstage/errors';
import {
  isIgnoredRepositoryDirectory,
  isInterestingRepositoryFile,
} from '@prodready/plugin-readiness-common';
import { promises as fs } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import {
  MAX_REPOSITORY_FILE_BYTES,
  RepositoryReadOptions,
  RepositorySnapshot,
} from './RepositorySnapshot';

/** Directory entries visited per interesting file allowed, at most. */
const VISIT_FACTOR = 50;
/** Deepest directory level walked. */
const MAX_DEPTH = 16;

/**
 * Whether `path` is `root` or inside it (both absolute, already resolved).
 * Guards every read of a repository on disk against paths that escape it.
 *
 * @public
 */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return (
    rel === '' ||
    (!rel.startsWith(`..${sep}`) &&
      rel !== '..' &&
      !rel.startsWith(sep) &&
      !/^[a-zA-Z]:/.test(rel))
  );
}

/**
 * Lists and reads the interesting files of a directory on this machine: a
 * breadth-first walk that skips ignored directories (node_modules, .git, …),
 * never follows symbolic links, and stops at `maxFiles` interesting files (or
 * after visiting 50 × `maxFiles` entries) with `truncated` set. Only listed
 * files are read, never one outside `root`, none over
 * {@link MAX_REPOSITORY_FILE_BYTES}.
 *
 * The one repository walk of the project: the backend's repository fact
 * provider and the `readiness` CLI both use it; pass the snapshot to
 * `buildRepositoryFacts` of `@prodready/plugin-readiness-common` for facts.
 *
 * @param root - directory of the repository
 * @throws NotFoundError when `root` does not exist or is not a directory
 * @public
 */
export async function readLocalRepository(
  root: string,
  options: RepositoryReadOptions,
): Promise<RepositorySnapshot> {
  const base = resolve(root);
  let stat;
  try {
    stat = await fs.stat(base);
  } catch {
    throw new NotFoundError(`directory ${base} does not exist`);
  }
  if (!stat.isDirectory()) {
    throw new NotFoundError(`${base} is not a directory`);
  }

  const files: string[] = [];
  let truncated = false;
  let visited = 0;
  const maxVisits = options.maxFiles * VISIT_FACTOR;
  const queue: Array<{ dir: string; depth: number }> = [{ dir: '', depth: 0 }];

  let stop = false;
  while (queue.length > 0 && !stop) {
    options.signal?.throwIfAborted();
    const { dir, depth } = queue.shift()!;
    let entries;
    try {
      entries = await fs.readdir(join(base, dir), { withFileTypes: true });
    } catch {
      continue; // unreadable directory: skip it
    }
    entries.sort((a, b) => a.name.localeCompare(b.name, 'en'));
    for (const entry of entries) {
      visited += 1;
      const path = dir ? `${dir}/${entry.name}` : entry.name;
      if (visited > maxVisits) {
        stop = true;
      } else if (entry.isDirectory()) {
        if (depth < MAX_DEPTH && !isIgnoredRepositoryDirectory(path)) {
          queue.push({ dir: path, depth: depth + 1 });
        }
      } else if (entry.isFile() && isInterestingRepositoryFile(path)) {
        if (files.length >= options.maxFiles) {
          stop = true;
        } else {
          files.push(path);
        }
      }
      if (stop) {
        truncated = true;
        break;
      }
    }
  }

  const listed = new Set(files);
  return {
    files,
    truncated,
    async readFile(path) {
      if (!listed.has(path)) {
        return undefined;
      }
      const full = resolve(base, path);
      if (!isInside(base, full)) {
        return undefined;
      }
      try {
        const info = await fs.lstat(full);
        if (!info.isFile() || info.size > MAX_REPOSITORY_FILE_BYTES) {
          return undefined;
        }
        return await fs.readFile(full, 'utf8');
      } catch {
        return undefined;
      }
    },
  };
}
