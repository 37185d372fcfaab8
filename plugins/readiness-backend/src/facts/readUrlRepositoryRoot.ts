import type { UrlReaderService } from '@backstage/backend-plugin-api';
import {
  isRepositoryRootCiFile,
  normalizeRepositoryPath,
} from '@prodready/plugin-readiness-common';
import {
  MAX_REPOSITORY_FILE_BYTES,
  RepositoryRootSnapshot,
} from '@prodready/plugin-readiness-node';

/** Most root CI files kept (a monorepo with a workflow per service has many). */
const MAX_ROOT_FILES = 200;
/** Most directory paths remembered to find a subdirectory's siblings. */
const MAX_DIRECTORIES = 20_000;

/**
 * What one read of a repository root gives every subdirectory of it: the
 * root CI files with their contents, and the directories seen.
 *
 * @internal
 */
export interface UrlRepositoryRoot {
  files: Map<string, string>;
  directories: Set<string>;
}

/**
 * Reads the CI files at a remote repository's root (see
 * `isRepositoryRootCiFile`) through the UrlReader's `readTree`, and notes
 * the directories of the tree, so that every service of a monorepo shares
 * one read. Errors of the reader propagate.
 *
 * @param url - the root's tree URL, e.g. `https://github.com/org/repo/tree/main/`
 * @internal
 */
export async function readUrlRepositoryRoot(
  urlReader: UrlReaderService,
  url: string,
  signal?: AbortSignal,
): Promise<UrlRepositoryRoot> {
  const directories = new Set<string>();
  const noteDirectories = (path: string) => {
    let slash = path.lastIndexOf('/');
    while (slash > 0 && directories.size < MAX_DIRECTORIES) {
      const directory = path.slice(0, slash);
      if (directories.has(directory)) {
        return;
      }
      directories.add(directory);
      slash = directory.lastIndexOf('/');
    }
  };
  let accepted = 0;
  const response = await urlReader.readTree(url, {
    signal,
    filter(path, info) {
      const normalized = normalizeRepositoryPath(path);
      noteDirectories(normalized);
      if (
        !isRepositoryRootCiFile(normalized) ||
        (info && info.size > MAX_REPOSITORY_FILE_BYTES) ||
        accepted >= MAX_ROOT_FILES
      ) {
        return false;
      }
      accepted += 1;
      return true;
    },
  });
  signal?.throwIfAborted();
  const files = new Map<string, string>();
  for (const file of await response.files()) {
    const path = normalizeRepositoryPath(file.path);
    // Some readers do not apply the filter; apply it again.
    noteDirectories(path);
    if (
      !isRepositoryRootCiFile(path) ||
      files.has(path) ||
      files.size >= MAX_ROOT_FILES
    ) {
      continue;
    }
    try {
      const buffer = await file.content();
      if (buffer.length <= MAX_REPOSITORY_FILE_BYTES) {
        files.set(path, buffer.toString('utf8'));
      }
    } catch {
      // unreadable: not evidence either way
    }
  }
  return { files, directories };
}

/**
 * The root snapshot one subdirectory sees: the root CI files and the
 * directories beside it.
 *
 * @internal
 */
export function rootSnapshotFor(
  root: UrlRepositoryRoot,
  subdirectory: string,
): RepositoryRootSnapshot {
  const slash = subdirectory.lastIndexOf('/');
  const parent = slash < 0 ? '' : subdirectory.slice(0, slash + 1);
  const siblings = new Set<string>();
  for (const directory of root.directories) {
    if (directory.startsWith(parent)) {
      const name = directory.slice(parent.length);
      if (name && !name.includes('/') && !name.startsWith('.')) {
        siblings.add(name);
      }
    }
  }
  return {
    files: [...root.files.keys()],
    siblings: [...siblings].sort(),
    readFile: async path => root.files.get(path),
  };
}
