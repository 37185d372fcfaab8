import type { CompoundEntityRef } from '@backstage/catalog-model';

/*
 * The option and result types of {@link ReadinessApiClient}'s requests,
 * shared with the frontend's `ReadinessApi`.
 */

/**
 * An entity named by its ref string (`component:default/payments-api`) or by
 * its parts.
 *
 * @public
 */
export type ReadinessEntityRef = string | CompoundEntityRef;

/**
 * The file format of an export of search results.
 *
 * @public
 */
export type ReadinessExportFormat = 'csv' | 'json';

/**
 * A downloaded export of search results.
 *
 * @public
 */
export interface ReadinessExport {
  /** The file's content. */
  blob: Blob;
  /** The file name the server proposed (Content-Disposition), or a default. */
  filename: string;
}

/**
 * Options of `getTrend`.
 *
 * @public
 */
export interface ReadinessTrendOptions {
  /** How many days back; the server's default (90) when absent. */
  days?: number;
  /** Restrict to the entities of one owner (entity ref). */
  owner?: string;
}

/**
 * Options of `getChampions`.
 *
 * @public
 */
export interface ReadinessChampionsOptions {
  /** Only this check. */
  checkId?: string;
  /** Champions per check. */
  limit?: number;
}

/**
 * Options of `getExemptions`.
 *
 * @public
 */
export interface ReadinessExemptionsOptions {
  /** Only the exemptions of this entity (full ref). */
  entityRef?: string;
  /** Only the exemptions from this check. */
  checkId?: string;
}

/**
 * Options of every request of {@link ReadinessApiClient}.
 *
 * @public
 */
export interface ReadinessRequestOptions {
  /**
   * A Backstage token sent as `Authorization: Bearer`; backend callers pass a
   * plugin request token. Frontend callers leave it out: their `fetchApi`
   * adds the user's token.
   */
  token?: string;
}

/**
 * Options of {@link ReadinessApiClient}.
 *
 * @public
 */
export interface ReadinessApiClientOptions {
  /** Finds the readiness backend (`getBaseUrl('readiness')`). */
  discoveryApi: { getBaseUrl(pluginId: string): Promise<string> };
  /** Sends the requests; the global `fetch` when absent. */
  fetchApi?: { fetch: typeof fetch };
}
