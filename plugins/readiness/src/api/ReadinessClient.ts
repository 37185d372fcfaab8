import { parseEntityRef } from '@backstage/catalog-model';
import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import type {
  ChampionsResponse,
  CheckPackResponse,
  EntityScorecardResponse,
  EntitySummary,
  Exemption,
  ExemptionRequest,
  ExemptionsResponse,
  RollupResponse,
  RunInfo,
  SearchQuery,
  SearchResponse,
  TrendPoint,
} from '@prodready/plugin-readiness-common';
import {
  EntitySummaryBatcher,
  MAX_SUMMARIES_PER_REQUEST,
} from './EntitySummaryBatcher';
import type {
  ReadinessApi,
  ReadinessChampionsOptions,
  ReadinessEntityRef,
  ReadinessExemptionsOptions,
  ReadinessExport,
  ReadinessExportFormat,
  ReadinessTrendOptions,
} from './ReadinessApi';
import { searchQueryToParams } from './searchQueryParams';

/**
 * Options of {@link ReadinessClient}.
 *
 * @public
 */
export interface ReadinessClientOptions {
  discoveryApi: DiscoveryApi;
  fetchApi: FetchApi;
  /**
   * How long single summary lookups wait to be batched together, in
   * milliseconds; default 10.
   */
  summaryBatchWindowMs?: number;
  /**
   * How long single summary lookups are answered from memory, in
   * milliseconds; default 30 seconds.
   */
  summaryCacheMs?: number;
  /**
   * How long the check pack is kept before it is fetched again, in
   * milliseconds; default 5 minutes. It changes only with the backend's
   * configuration, and every badge needs its level titles.
   */
  checkPackCacheMs?: number;
}

type ResponseType = 'json' | 'none' | 'download';

interface RequestOptions {
  method?: 'GET' | 'POST' | 'DELETE';
  query?: URLSearchParams;
  body?: unknown;
  responseType?: ResponseType;
}

/** Reads the file name out of a Content-Disposition header. */
function filenameFromDisposition(
  header: string | null,
  fallback: string,
): string {
  const match = header?.match(/filename\*?=(?:UTF-8'')?"?([^";]+)"?/i);
  return match ? decodeURIComponent(match[1]) : fallback;
}

/**
 * The default {@link ReadinessApi}: talks to the readiness backend through
 * the app's discovery and fetch APIs (so requests carry the user's token).
 *
 * @public
 */
export class ReadinessClient implements ReadinessApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;
  private readonly summaryBatcher: EntitySummaryBatcher;
  private readonly checkPackCacheMs: number;
  private checkPack?: { promise: Promise<CheckPackResponse>; at: number };

  constructor(options: ReadinessClientOptions) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
    this.summaryBatcher = new EntitySummaryBatcher({
      load: refs => this.getSummaries(refs),
      windowMs: options.summaryBatchWindowMs,
      cacheMs: options.summaryCacheMs,
    });
    this.checkPackCacheMs = options.checkPackCacheMs ?? 5 * 60 * 1000;
  }

  async getCheckPack(): Promise<CheckPackResponse> {
    const now = Date.now();
    if (!this.checkPack || now - this.checkPack.at > this.checkPackCacheMs) {
      const promise = this.request<CheckPackResponse>('/checks');
      const entry = { promise, at: now };
      this.checkPack = entry;
      promise.catch(() => {
        if (this.checkPack === entry) {
          this.checkPack = undefined;
        }
      });
    }
    return this.checkPack.promise;
  }

  async getEntityScorecard(
    entityRef: ReadinessEntityRef,
  ): Promise<EntityScorecardResponse> {
    return this.request<EntityScorecardResponse>(entityPath(entityRef));
  }

  async refreshEntity(
    entityRef: ReadinessEntityRef,
  ): Promise<EntityScorecardResponse> {
    return this.request<EntityScorecardResponse>(
      `${entityPath(entityRef)}/refresh`,
      { method: 'POST' },
    );
  }

  async getSummaries(entityRefs: string[]): Promise<EntitySummary[]> {
    const unique = Array.from(new Set(entityRefs));
    const chunks: string[][] = [];
    for (let i = 0; i < unique.length; i += MAX_SUMMARIES_PER_REQUEST) {
      chunks.push(unique.slice(i, i + MAX_SUMMARIES_PER_REQUEST));
    }
    const responses = await Promise.all(
      chunks.map(chunk =>
        this.request<{ items: EntitySummary[] }>('/summaries', {
          method: 'POST',
          body: { entityRefs: chunk },
        }),
      ),
    );
    return responses.flatMap(r => r.items);
  }

  async getSummary(entityRef: string): Promise<EntitySummary | undefined> {
    return this.summaryBatcher.get(entityRef);
  }

  async search(query: SearchQuery): Promise<SearchResponse> {
    return this.request<SearchResponse>('/search', {
      query: searchQueryToParams(query),
    });
  }

  async getExportUrl(
    query: SearchQuery,
    format: ReadinessExportFormat,
  ): Promise<string> {
    const params = exportParams(query, format);
    const baseUrl = await this.discoveryApi.getBaseUrl('readiness');
    return `${baseUrl}/export?${params}`;
  }

  async exportEntities(
    query: SearchQuery,
    format: ReadinessExportFormat,
  ): Promise<ReadinessExport> {
    return this.request<ReadinessExport>('/export', {
      query: exportParams(query, format),
      responseType: 'download',
    });
  }

  async getRollups(
    groupBy: RollupResponse['groupBy'],
  ): Promise<RollupResponse> {
    return this.request<RollupResponse>('/rollups', {
      query: new URLSearchParams({ groupBy }),
    });
  }

  async getTrend(options: ReadinessTrendOptions = {}): Promise<TrendPoint[]> {
    const query = new URLSearchParams();
    if (options.days !== undefined) {
      query.set('days', String(options.days));
    }
    if (options.owner) {
      query.set('owner', options.owner);
    }
    const response = await this.request<{ points: TrendPoint[] }>('/trend', {
      query,
    });
    return response.points;
  }

  async getChampions(
    options: ReadinessChampionsOptions = {},
  ): Promise<ChampionsResponse> {
    const query = new URLSearchParams();
    if (options.checkId) {
      query.set('checkId', options.checkId);
    }
    if (options.limit !== undefined) {
      query.set('limit', String(options.limit));
    }
    return this.request<ChampionsResponse>('/champions', { query });
  }

  async getRuns(options: { limit?: number } = {}): Promise<RunInfo[]> {
    const query = new URLSearchParams();
    if (options.limit !== undefined) {
      query.set('limit', String(options.limit));
    }
    const response = await this.request<{ items: RunInfo[] }>('/runs', {
      query,
    });
    return response.items;
  }

  async getRun(id: string): Promise<RunInfo> {
    return this.request<RunInfo>(`/runs/${encodeURIComponent(id)}`);
  }

  async startRun(): Promise<RunInfo> {
    return this.request<RunInfo>('/runs', { method: 'POST' });
  }

  async getExemptions(
    options: ReadinessExemptionsOptions = {},
  ): Promise<Exemption[]> {
    const query = new URLSearchParams();
    if (options.entityRef) {
      query.set('entityRef', options.entityRef);
    }
    if (options.checkId) {
      query.set('checkId', options.checkId);
    }
    const response = await this.request<ExemptionsResponse>('/exemptions', {
      query,
    });
    return response.items;
  }

  async createExemption(request: ExemptionRequest): Promise<Exemption> {
    return this.request<Exemption>('/exemptions', {
      method: 'POST',
      body: request,
    });
  }

  async deleteExemption(id: string): Promise<void> {
    await this.request<void>(`/exemptions/${encodeURIComponent(id)}`, {
      method: 'DELETE',
      responseType: 'none',
    });
  }

  /**
   * Sends one request to the readiness backend and decodes the answer; any
   * non-2xx response becomes a `ResponseError` carrying the server's error.
   */
  private async request<T>(
    path: string,
    options: RequestOptions = {},
  ): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('readiness');
    const search = options.query?.toString();
    const url = `${baseUrl}${path}${search ? `?${search}` : ''}`;
    const response = await this.fetchApi.fetch(url, {
      method: options.method ?? 'GET',
      ...(options.body !== undefined && {
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(options.body),
      }),
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    const responseType = options.responseType ?? 'json';
    if (responseType === 'none' || response.status === 204) {
      return undefined as T;
    }
    if (responseType === 'download') {
      const download: ReadinessExport = {
        blob: await response.blob(),
        filename: filenameFromDisposition(
          response.headers.get('Content-Disposition'),
          // Cross-origin, the header is readable only when the backend
          // exposes it (backend.cors.exposedHeaders).
          `readiness-${new Date().toISOString().slice(0, 10)}.${
            options.query?.get('format') ?? 'csv'
          }`,
        ),
      };
      return download as T;
    }
    return (await response.json()) as T;
  }
}

/** The API path of one entity: `/entities/{kind}/{namespace}/{name}`. */
function entityPath(entityRef: ReadinessEntityRef): string {
  const ref =
    typeof entityRef === 'string' ? parseEntityRef(entityRef) : entityRef;
  return `/entities/${[
    ref.kind.toLocaleLowerCase('en-US'),
    ref.namespace ?? 'default',
    ref.name,
  ]
    .map(part => encodeURIComponent(part))
    .join('/')}`;
}

/** The query of `GET /export`: the search filters plus the format. */
function exportParams(
  query: SearchQuery,
  format: ReadinessExportFormat,
): URLSearchParams {
  const { cursor: _cursor, limit: _limit, ...filters } = query;
  const params = searchQueryToParams(filters);
  params.set('format', format);
  return params;
}
