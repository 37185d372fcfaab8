import type { RepositoryFileKind } from '../types';
import { hasInvisible, isSafeUrl, MAX_URL_LENGTH } from './isSafeUrl';

/**
 * A repository root CI file that counts for the entity's subdirectory, as
 * the `file` operator gives it in evidence.
 *
 * @internal
 */
export interface RootFileView {
  path: string;
  kinds: readonly RepositoryFileKind[];
  /** Why it concerns the subdirectory. */
  reason: string;
  /** A browsable URL of the file, when the root is a safe web URL. */
  url?: string;
}

/**
 * The repository root's CI files as seen from a subdirectory: those that
 * count and those that do not, each with why.
 *
 * @internal
 */
export interface RootFilesView {
  files: readonly RootFileView[];
  ignored: ReadonlyArray<{ path: string; reason: string }>;
  /** Why the root could not be read: its CI files are not known. */
  unavailable?: string;
}

const EMPTY: RootFilesView = Object.freeze({
  files: Object.freeze([]),
  ignored: Object.freeze([]),
});

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads `repository.root` of a fact document defensively (malformed entries
 * are skipped): the root CI files that concern the subdirectory, and those
 * that do not.
 *
 * @internal
 */
export function readRootFiles(
  repository: Record<string, unknown> | undefined,
): RootFilesView {
  const root = repository?.root;
  if (!isRecord(root) || !Array.isArray(root.files)) {
    return EMPTY;
  }
  let base: string | undefined;
  if (typeof root.location === 'string') {
    const location = root.location.replace(/^url:/, '');
    if (isSafeUrl(location)) {
      base = location.endsWith('/') ? location : `${location}/`;
    }
  }
  const files: RootFileView[] = [];
  for (const file of root.files) {
    if (
      !isRecord(file) ||
      typeof file.path !== 'string' ||
      !Array.isArray(file.kinds)
    ) {
      continue;
    }
    const view: RootFileView = {
      path: file.path,
      kinds: file.kinds.filter(
        (kind): kind is RepositoryFileKind => typeof kind === 'string',
      ),
      reason: typeof file.reason === 'string' ? file.reason : '',
    };
    if (
      base &&
      base.length + file.path.length <= MAX_URL_LENGTH &&
      !hasInvisible(file.path)
    ) {
      view.url = base + file.path;
    }
    files.push(view);
  }
  const ignored: Array<{ path: string; reason: string }> = [];
  if (Array.isArray(root.ignored)) {
    for (const file of root.ignored) {
      if (
        isRecord(file) &&
        typeof file.path === 'string' &&
        typeof file.reason === 'string'
      ) {
        ignored.push({ path: file.path, reason: file.reason });
      }
    }
  }
  const view: RootFilesView = { files, ignored };
  if (typeof root.unavailable === 'string' && root.unavailable) {
    view.unavailable = root.unavailable;
  }
  return view;
}
