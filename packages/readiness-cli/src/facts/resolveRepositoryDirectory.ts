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
 * Which local directory holds an entity's repository, offline:
 *
 * - a `dir:` or `file:` source location (`backstage.io/source-location`),
 *   relative to the catalog file when relative, as the catalog resolves it;
 * - a `url:` source location pointing into a subdirectory of a hosted
 *   repository (e.g. `…/tree/main/plugins/x`): that subdirectory of
 *   `repositoryRoot` when it exists there, since the backend reads only
 *   that subtree;
 * - otherwise `repositoryRoot` (the `--repo` checkout).
 *
 * @param entity - the entity
 * @param catalogFile - absolute path of the file the entity was read from
 * @param repositoryRoot - absolute path of the local checkout
 * @public
 */
export function resolveRepositoryDirectory(
  entity: Entity,
  catalogFile: string,
  repositoryRoot: string,
): string {
  const annotation = entity.metadata.annotations?.[ANNOTATION_SOURCE_LOCATION];
  if (!annotation) {
    return repositoryRoot;
  }
  let ref: { type: string; target: string };
  try {
    ref = parseLocationRef(annotation);
  } catch {
    return repositoryRoot;
  }
  if (ref.type === 'dir' || ref.type === 'file') {
    return path.resolve(path.dirname(catalogFile), ref.target);
  }
  if (ref.type === 'url') {
    let pathname: string;
    try {
      pathname = new URL(ref.target).pathname;
    } catch {
      return repositoryRoot;
    }
    const match = SUBDIRECTORY_IN_URL.exec(pathname);
    if (match) {
      const subdirectory = path.resolve(
        repositoryRoot,
        decodeURIComponent(match[1]),
      );
      const inside =
        subdirectory.startsWith(repositoryRoot + path.sep) &&
        fs.existsSync(subdirectory) &&
        fs.statSync(subdirectory).isDirectory();
      if (inside) {
        return subdirectory;
      }
    }
  }
  return repositoryRoot;
}
