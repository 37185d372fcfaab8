import { stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { isInside } from '@prodready/plugin-readiness-node';

async function hasGit(directory: string): Promise<boolean> {
  return stat(join(directory, '.git')).then(
    () => true,
    () => false,
  );
}

/**
 * The nearest directory at or above `path` that holds `.git` (a work tree's
 * top), looking no higher than the allowed roots; undefined when there is
 * none inside them.
 *
 * @param path - a real, absolute directory
 * @param allowedRoots - real, absolute directories reads may not leave
 * @internal
 */
export async function findRepositoryRoot(
  path: string,
  allowedRoots: readonly string[],
): Promise<string | undefined> {
  const allowed = (directory: string) =>
    allowedRoots.some(root => isInside(root, directory));
  for (let current = path; allowed(current); current = dirname(current)) {
    if (await hasGit(current)) {
      return current;
    }
    if (dirname(current) === current) {
      return undefined;
    }
  }
  return undefined;
}
