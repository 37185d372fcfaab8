import type { Entity } from '@backstage/catalog-model';
import { isSafeUrl } from '@prodready/plugin-readiness-common';

const EDIT_URL = 'backstage.io/edit-url';
const MANAGED_BY = 'backstage.io/managed-by-location';
const SOURCE = 'backstage.io/source-location';

/** `url:https://…` → `https://…`; other location types have no web page. */
function urlOf(location: string | undefined): string | undefined {
  const match = /^url:(.+)$/.exec(location ?? '');
  return match && isSafeUrl(match[1]) ? match[1] : undefined;
}

/**
 * The edit page of a file on GitHub (`/blob/` → `/edit/`), GitLab
 * (`/-/blob/` → `/-/edit/`) or Bitbucket Cloud (`/src/…?mode=edit`).
 */
function editPageOf(fileUrl: string): string | undefined {
  const url = new URL(fileUrl);
  if (/\/-\/blob\//.test(url.pathname)) {
    url.pathname = url.pathname.replace('/-/blob/', '/-/edit/');
    return url.toString();
  }
  if (url.hostname === 'bitbucket.org' && /\/src\//.test(url.pathname)) {
    url.searchParams.set('mode', 'edit');
    return url.toString();
  }
  if (/^\/[^/]+\/[^/]+\/blob\//.test(url.pathname)) {
    url.pathname = url.pathname.replace(
      /^(\/[^/]+\/[^/]+)\/blob\//,
      '$1/edit/',
    );
    return url.toString();
  }
  return undefined;
}

/**
 * Where to edit the entity's catalog file in the browser: its
 * `backstage.io/edit-url`, or the edit page the SCM's conventions give for
 * the file it was read from (`backstage.io/managed-by-location`) or for a
 * `catalog-info.yaml` at its source location. Only `http:` and `https:`
 * addresses; `undefined` when none is known.
 */
export function catalogEditUrl(entity: Entity): string | undefined {
  const annotations = entity.metadata.annotations ?? {};
  const explicit = annotations[EDIT_URL];
  if (explicit && isSafeUrl(explicit)) {
    return explicit;
  }
  try {
    const file = urlOf(annotations[MANAGED_BY]);
    const fromFile = file ? editPageOf(file) : undefined;
    if (fromFile) {
      return fromFile;
    }
    const source = urlOf(annotations[SOURCE]);
    if (!source) {
      return undefined;
    }
    const folder = source.endsWith('/') ? source : `${source}/`;
    return editPageOf(
      new URL(
        'catalog-info.yaml',
        folder.replace('/tree/', '/blob/'),
      ).toString(),
    );
  } catch {
    return undefined;
  }
}
