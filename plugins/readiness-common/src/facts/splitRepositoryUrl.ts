/**
 * A hosted repository tree URL split into the repository root and a
 * subdirectory of it.
 *
 * @public
 */
export interface RepositoryUrlParts {
  /** The tree URL of the repository root at the same ref, ending in `/`. */
  root: string;
  /** The subdirectory, `/`-separated, without leading or trailing `/`. */
  subdirectory: string;
}

/**
 * `/<owner>/<repo>[/-]/(tree|blob|src)/<ref>/<path>`: GitHub (`/tree/`,
 * `/blob/`), GitLab (`/-/tree/`) and Bitbucket (`/src/`). A ref with `/` in
 * it cannot be told from a path in a URL; the first segment is taken.
 */
const TREE_URL =
  /^(\/[^/]+\/[^/]+(?:\/-)?\/(?:tree|blob|src)\/[^/]+\/)([^?#]*?)\/?$/;

/**
 * Splits a source location URL that points into a subdirectory of a hosted
 * repository (`https://github.com/org/repo/tree/main/services/cart/`) into
 * the root's tree URL and the subdirectory (`services/cart`). Returns
 * `undefined` for a URL of the root itself or of an unknown shape.
 *
 * @public
 */
export function splitRepositoryUrl(
  url: string,
): RepositoryUrlParts | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url.replace(/^url:/, ''));
  } catch {
    return undefined;
  }
  const match = TREE_URL.exec(parsed.pathname);
  if (!match) {
    return undefined;
  }
  let subdirectory: string;
  try {
    subdirectory = decodeURIComponent(match[2]);
  } catch {
    return undefined;
  }
  subdirectory = subdirectory.replace(/^\/+|\/+$/g, '');
  if (
    !subdirectory ||
    subdirectory.split('/').some(part => part === '..' || part === '.')
  ) {
    return undefined;
  }
  return {
    root: `${parsed.origin}${match[1]}`,
    subdirectory,
  };
}
