import { stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { isInside } from '@prodready/plugin-readiness-node';

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
  let current = path;
  while (allowedRoots.some(root => isInside(root, current))) {
    if (
      await stat(join(current, '.git')).then(
        () => true,
        () => false,
      )
    ) {
      return current;
    }
    const parent = dirname(current);
    if (parent === current) {
      return undefined;
    }
    current = parent;
  }
  return undefined;
}
