import {
  ANNOTATION_LOCATION,
  ANNOTATION_SOURCE_LOCATION,
  Entity,
  getEntitySourceLocation,
  parseLocationRef,
} from '@backstage/catalog-model';
import {
  describeError,
  RepositoryUrlParts,
  splitRepositoryUrl,
} from '@prodready/plugin-readiness-common';
import { isAbsolute, posix, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where an entity's source repository is, as the repository provider reads it.
 *
 * - `url`: read through the UrlReader (GitHub, GitLab, … integrations);
 *   `root` is set when the URL is a subdirectory of a hosted repository (a
 *   monorepo service), whose root CI files are read too.
 * - `local`: an absolute directory on this machine (`dir:` / `file:`).
 * - `none`: the entity has no usable source location; `reason` says why.
 *
 * @internal
 */
export type ResolvedSourceLocation =
  | { kind: 'url'; url: string; root?: RepositoryUrlParts }
  | { kind: 'local'; path: string }
  | { kind: 'none'; reason: string };

const CATALOG_INFO_FILE = /^catalog-info\.ya?ml$/i;

/** A `url` location, with its repository root when it is a subdirectory. */
function urlLocation(url: string): ResolvedSourceLocation {
  const root = splitRepositoryUrl(url);
  return root ? { kind: 'url', url, root } : { kind: 'url', url };
}

function localPath(target: string): string | undefined {
  if (/^file:\/\//i.test(target)) {
    try {
      return fileURLToPath(target);
    } catch {
      return undefined;
    }
  }
  return isAbsolute(target) ? resolve(target) : undefined;
}

/** Resolves a relative `dir:`/`file:` target against the catalog file. */
function resolveRelative(
  entity: Entity,
  target: string,
  annotationValue: string,
): ResolvedSourceLocation {
  const managedBy = entity.metadata.annotations?.[ANNOTATION_LOCATION];
  if (typeof managedBy === 'string' && managedBy) {
    try {
      const managed = parseLocationRef(managedBy);
      if (managed.type === 'file') {
        const catalogFile = localPath(managed.target);
        if (catalogFile) {
          return { kind: 'local', path: resolve(dirname(catalogFile), target) };
        }
      }
      if (managed.type === 'url') {
        return urlLocation(
          new URL(
            target.endsWith('/') ? target : `${target}/`,
            managed.target,
          ).toString(),
        );
      }
    } catch {
      // fall through to the reason below
    }
  }
  return {
    kind: 'none',
    reason: `source location '${annotationValue}' is relative, and the entity's ${ANNOTATION_LOCATION} is not a file: or url: location to resolve it against`,
  };
}

/**
 * Finds where to read an entity's source repository from.
 *
 * Uses `backstage.io/source-location` (`url:`, `dir:` or `file:`); relative
 * `dir:`/`file:` targets resolve against the directory of the entity's
 * `backstage.io/managed-by-location` when that is a `file:` location (or
 * against its URL when it is a `url:` location). Without the annotation it
 * falls back to the catalog's own rule (`getEntitySourceLocation`): the
 * directory of the managed-by location, but for a `file:` location only when
 * the file is a `catalog-info.yaml` (which conventionally sits at the root of
 * its repository; an aggregate catalog file says nothing about a repository).
 *
 * Pure: never touches the file system or the network.
 *
 * @internal
 */
export function resolveSourceLocation(entity: Entity): ResolvedSourceLocation {
  const annotations = entity.metadata?.annotations ?? {};
  const explicit = annotations[ANNOTATION_SOURCE_LOCATION];

  if (typeof explicit === 'string' && explicit.trim()) {
    let ref: { type: string; target: string };
    try {
      ref = parseLocationRef(explicit);
    } catch (error) {
      return {
        kind: 'none',
        reason: `invalid ${ANNOTATION_SOURCE_LOCATION} '${explicit}': ${describeError(
          error,
        )}`,
      };
    }
    if (ref.type === 'url') {
      if (/^file:\/\//i.test(ref.target)) {
        const path = localPath(ref.target);
        return path
          ? { kind: 'local', path }
          : {
              kind: 'none',
              reason: `invalid file URL in ${ANNOTATION_SOURCE_LOCATION} '${explicit}'`,
            };
      }
      try {
        return urlLocation(new URL(ref.target).toString());
      } catch {
        return {
          kind: 'none',
          reason: `invalid URL in ${ANNOTATION_SOURCE_LOCATION} '${explicit}'`,
        };
      }
    }
    if (ref.type === 'dir' || ref.type === 'file') {
      const path = localPath(ref.target);
      return path
        ? { kind: 'local', path }
        : resolveRelative(entity, ref.target, explicit);
    }
    return {
      kind: 'none',
      reason: `unsupported location type '${ref.type}' in ${ANNOTATION_SOURCE_LOCATION} '${explicit}' (expected url:, dir: or file:)`,
    };
  }

  let fallback: { type: string; target: string };
  try {
    fallback = getEntitySourceLocation(entity);
  } catch {
    return {
      kind: 'none',
      reason: `the entity has no ${ANNOTATION_SOURCE_LOCATION} annotation`,
    };
  }
  if (fallback.type === 'url') {
    try {
      return urlLocation(new URL('./', fallback.target).toString());
    } catch {
      return {
        kind: 'none',
        reason: `the entity has no ${ANNOTATION_SOURCE_LOCATION} annotation, and its ${ANNOTATION_LOCATION} is not a valid URL`,
      };
    }
  }
  if (fallback.type === 'file') {
    const catalogFile = localPath(fallback.target);
    if (
      catalogFile &&
      CATALOG_INFO_FILE.test(posix.basename(catalogFile.replace(/\\/g, '/')))
    ) {
      return { kind: 'local', path: dirname(catalogFile) };
    }
  }
  return {
    kind: 'none',
    reason: `the entity has no ${ANNOTATION_SOURCE_LOCATION} annotation`,
  };
}
