import {
  isIgnoredRepositoryDirectory,
  isRepositoryRootCiFile,
} from '@prodready/plugin-readiness-common';
import { promises as fs } from 'node:fs';
import { join, posix, resolve } from 'node:path';
import { isInside } from './readLocalRepository';
import { MAX_REPOSITORY_FILE_BYTES } from './RepositorySnapshot';

/**
 * The CI files at a repository's root and the directories beside one of its
 * subdirectories: what `buildRepositoryFacts` needs to judge whether the
 * root's CI concerns that subdirectory.
 *
 * @public
 */
export interface RepositoryRootSnapshot {
  /** CI files at the root (see `isRepositoryRootCiFile`), `/`-separated. */
  files: string[];
  /** Names of the subdirectory's sibling directories. */
  siblings: string[];
  /** Reads one of `files`; `undefined` when it cannot be read. */
  readFile(path: string): Promise<string | undefined>;
}

/** Entries visited in the root's dot-directories, at most. */
const MAX_VISITS = 2000;
/** Deepest level walked in a dot-directory (`.gitlab/ci/jobs/x.yml` is 3). */
const MAX_DEPTH = 4;

async function listDirectory(directory: string) {
  try {
    return await fs.readdir(directory, { withFileTypes: true });
  } catch {
    return [];
  }
}

/**
 * Lists the CI files at the root of a repository on this machine (files at
 * the root, and in its dot-directories such as `.github/workflows/`), and the
 * directories beside `subdirectory`. Never follows symbolic links; never
 * reads outside `root`.
 *
 * @param root - the repository root (absolute)
 * @param subdirectory - the entity's directory, relative to `root`
 * @public
 */
export async function readRepositoryRoot(
  root: string,
  subdirectory: string,
): Promise<RepositoryRootSnapshot> {
  const base = resolve(root);
  const files: string[] = [];
  let visits = 0;
  const queue: Array<{ dir: string; depth: number }> = [{ dir: '', depth: 0 }];
  while (queue.length > 0 && visits < MAX_VISITS) {
    const { dir, depth } = queue.shift()!;
    const entries = await listDirectory(join(base, dir));
    entries.sort((a, b) => a.name.localeCompare(b.name, 'en'));
    for (const entry of entries) {
      visits += 1;
      const path = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isFile() && isRepositoryRootCiFile(path)) {
        files.push(path);
      } else if (
        entry.isDirectory() &&
        depth < MAX_DEPTH &&
        // only dot-directories at the root hold shared CI (.github, .gitlab…)
        (dir !== '' || entry.name.startsWith('.')) &&
        entry.name !== '.git' &&
        !isIgnoredRepositoryDirectory(path)
      ) {
        queue.push({ dir: path, depth: depth + 1 });
      }
    }
  }

  const normalized = subdirectory.replace(/\\/g, '/').replace(/^\/+|\/+$/g, '');
  const parent = posix.dirname(normalized);
  const parentPath = resolve(base, parent === '.' ? '' : parent);
  const siblings = isInside(base, parentPath)
    ? (await listDirectory(parentPath))
        .filter(
          entry =>
            entry.isDirectory() &&
            !entry.name.startsWith('.') &&
            !isIgnoredRepositoryDirectory(
              parent === '.' ? entry.name : `${parent}/${entry.name}`,
            ),
        )
        .map(entry => entry.name)
        .sort()
    : [];

  const listed = new Set(files);
  return {
    files,
    siblings,
    async readFile(path) {
      const full = resolve(base, path);
      if (!listed.has(path) || !isInside(base, full)) {
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
