import path from 'node:path';
import {
  RepositoryFacts,
  RepositoryRootSource,
  buildRepositoryFacts,
} from '@prodready/plugin-readiness-common';
import {
  readLocalRepository as walkLocalRepository,
  readRepositoryRoot,
} from '@prodready/plugin-readiness-node';

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
  /**
   * The repository root when `directory` is a subdirectory of it: its CI
   * files are judged for the subdirectory, as the backend does.
   */
  root?: string;
}

/**
 * Reads the `repository` facts of a local checkout exactly as the backend's
 * repository provider reads a repository on disk: the walk is
 * `readLocalRepository` of `@prodready/plugin-readiness-node` (ignored
 * folders skipped, symbolic links never followed, no read outside the
 * directory), and `buildRepositoryFacts` turns the files into facts. With
 * `root`, the root's CI files are judged for the subdirectory.
 *
 * @param directory - the repository root
 * @throws NotFoundError when `directory` is not a readable directory
 * @public
 */
export async function readLocalRepository(
  directory: string,
  options: ReadLocalRepositoryOptions = {},
): Promise<RepositoryFacts> {
  const { maxFiles = 2000 } = options;
  const root = path.resolve(directory);
  const snapshot = await walkLocalRepository(root, { maxFiles });
  let rootSource: RepositoryRootSource | undefined;
  if (options.root) {
    const top = path.resolve(options.root);
    const subdirectory = path.relative(top, root).split(path.sep).join('/');
    if (subdirectory && !subdirectory.startsWith('..')) {
      rootSource = {
        location: top,
        subdirectory,
        ...(await readRepositoryRoot(top, subdirectory)),
      };
    }
  }
  return buildRepositoryFacts({
    location: options.location ?? root,
    files: snapshot.files,
    truncated: snapshot.truncated,
    readFile: file => snapshot.readFile(file),
    root: rootSource,
  });
}
