import fs from 'node:fs/promises';
import path from 'node:path';
import {
  RepositoryFacts,
  buildRepositoryFacts,
  isIgnoredRepositoryDirectory,
  isInterestingRepositoryFile,
} from '@prodready/plugin-readiness-common';

/**
 * Bounds of {@link readLocalRepository}; the defaults are the backend's.
 *
 * @public
 */
export interface ReadLocalRepositoryOptions {
  /**
   * Most interesting files kept (default 2000); at most 50 times as many
   * directory entries are visited. Hitting either sets `truncated`.
   */
  maxFiles?: number;
  /** The `location` written to the facts; default the absolute directory. */
  location?: string;
}

/** Deepest directory level walked. */
const MAX_DEPTH = 16;
/** Entries visited per interesting file allowed. */
const VISIT_FACTOR = 50;
/** Larger files are not read. */
const MAX_FILE_BYTES = 1_000_000;

/**
 * Reads the `repository` facts of a local checkout the way the backend's
 * repository provider reads a repository: a breadth-first walk that skips
 * `node_modules`, `.git`, build output and the other ignored folders and
 * never follows symbolic links; only the files `isInterestingRepositoryFile`
 * accepts are kept, and `buildRepositoryFacts` turns them into facts,
 * reading manifests and CI files from disk.
 *
 * @param directory - the repository root
 * @throws Error when `directory` is not a readable directory
 * @public
 */
export async function readLocalRepository(
  directory: string,
  options: ReadLocalRepositoryOptions = {},
): Promise<RepositoryFacts> {
  const { maxFiles = 2000 } = options;
  const root = path.resolve(directory);
  const stat = await fs.stat(root);
  if (!stat.isDirectory()) {
    throw new Error(`${directory} is not a directory`);
  }

  const files: string[] = [];
  let truncated = false;
  let visitsLeft = maxFiles * VISIT_FACTOR;
  const queue: Array<{ dir: string; depth: number }> = [{ dir: '', depth: 0 }];
  while (queue.length > 0 && !truncated) {
    const { dir, depth } = queue.shift()!;
    let entries;
    try {
      entries = await fs.readdir(path.join(root, dir), { withFileTypes: true });
    } catch {
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const entry of entries) {
      if (--visitsLeft < 0) {
        truncated = true;
        break;
      }
      const relative = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (depth < MAX_DEPTH && !isIgnoredRepositoryDirectory(relative)) {
          queue.push({ dir: relative, depth: depth + 1 });
        }
      } else if (entry.isFile() && isInterestingRepositoryFile(relative)) {
        if (files.length >= maxFiles) {
          truncated = true;
          break;
        }
        files.push(relative);
      }
    }
  }

  const listed = new Set(files);
  return buildRepositoryFacts({
    location: options.location ?? root,
    files,
    truncated,
    readFile: async file => {
      if (!listed.has(file)) {
        return undefined;
      }
      const resolved = path.resolve(root, file);
      const info = await fs.lstat(resolved);
      if (!info.isFile() || info.size > MAX_FILE_BYTES) {
        return undefined;
      }
      return fs.readFile(resolved, 'utf8');
    },
  });
}
