import type { UrlReaderService } from '@backstage/backend-plugin-api';
import {
  isInterestingRepositoryFile,
  normalizeRepositoryPath,
} from '@prodready/plugin-readiness-common';
import {
  MAX_REPOSITORY_FILE_BYTES,
  RepositoryReadOptions,
  RepositorySnapshot,
} from '@prodready/plugin-readiness-node';

/**
 * Lists and reads the interesting files of a remote repository through the
 * UrlReader's `readTree`, with a filter that keeps only interesting files
 * under 1 MB and stops at `maxFiles` (then `truncated` is set). Works with
 * every integration that supports trees (GitHub, GitLab, Bitbucket, Azure,
 * Gerrit…); errors of the reader propagate.
 *
 * @param url - the tree URL, e.g. `https://github.com/org/repo/tree/main/`
 * @internal
 */
export async function readUrlRepository(
  urlReader: UrlReaderService,
  url: string,
  options: RepositoryReadOptions,
): Promise<RepositorySnapshot> {
  let accepted = 0;
  let truncated = false;
  const response = await urlReader.readTree(url, {
    signal: options.signal,
    filter(path, info) {
      if (!isInterestingRepositoryFile(path)) {
        return false;
      }
      if (info && info.size > MAX_REPOSITORY_FILE_BYTES) {
        return false;
      }
      if (accepted >= options.maxFiles) {
        truncated = true;
        return false;
      }
      accepted += 1;
      return true;
    },
  });
  options.signal?.throwIfAborted();
  const treeFiles = await response.files();

  // Some readers do not apply the filter; apply it again.
  const byPath = new Map<string, () => Promise<Buffer>>();
  for (const file of treeFiles) {
    const path = normalizeRepositoryPath(file.path);
    if (!isInterestingRepositoryFile(path) || byPath.has(path)) {
      continue;
    }
    if (byPath.size >= options.maxFiles) {
      truncated = true;
      break;
    }
    byPath.set(path, () => file.content());
  }

  return {
    files: Array.from(byPath.keys()),
    truncated,
    async readFile(path) {
      const content = byPath.get(path);
      if (!content) {
        return undefined;
      }
      try {
        const buffer = await content();
        return buffer.length > MAX_REPOSITORY_FILE_BYTES
          ? undefined
          : buffer.toString('utf8');
      } catch {
        return undefined;
      }
    },
  };
}
