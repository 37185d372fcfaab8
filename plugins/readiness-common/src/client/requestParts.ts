import { parseEntityRef } from '@backstage/catalog-model';
import { searchQueryToParams } from '../search/searchQueryParams';
import type { SearchQuery } from '../types/api';
import type {
  ReadinessEntityRef,
  ReadinessExportFormat,
} from './ReadinessApiClientOptions';

/*
 * The parts of a request the client builds before sending it: entity paths,
 * query parameters and the download's file name.
 */

/** Reads the file name out of a Content-Disposition header. */
export function filenameFromDisposition(
  header: string | null,
  fallback: string,
): string {
  const match = header?.match(/filename\*?=(?:UTF-8'')?"?([^";]+)"?/i);
  return match ? decodeURIComponent(match[1]) : fallback;
}

/** The API path of one entity: `/entities/{kind}/{namespace}/{name}`. */
export function entityPath(
  entityRef: ReadinessEntityRef,
  root: '/entities' | '/rollups' = '/entities',
): string {
  const ref =
    typeof entityRef === 'string' ? parseEntityRef(entityRef) : entityRef;
  return `${root}/${[
    ref.kind.toLocaleLowerCase('en-US'),
    ref.namespace ?? 'default',
    ref.name,
  ]
    .map(part => encodeURIComponent(part))
    .join('/')}`;
}

/** The query of `GET /export`: the search filters plus the format. */
export function exportParams(
  query: SearchQuery,
  format: ReadinessExportFormat,
): URLSearchParams {
  const {
    cursor: _cursor,
    limit: _limit,
    include: _include,
    ...filters
  } = query;
  const params = searchQueryToParams(filters);
  params.set('format', format);
  return params;
}

/** Sets the parameters whose value is defined. */
export function paramsOf(
  values: Record<string, string | number | undefined>,
): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && value !== '') {
      params.set(key, String(value));
    }
  }
  return params;
}
