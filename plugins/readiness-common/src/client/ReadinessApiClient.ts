import { ResponseError } from '@backstage/errors';
import type {
  CheckPackResponse,
  EntityScorecardResponse,
  EntitySummary,
  ExemptionRequest,
  AttestationRequest,
  ExemptionsResponse,
  RunInfo,
  RunSchedule,
  SearchQuery,
  SearchResponse,
  TrendPoint,
} from '../types/api';
import type {
  Campaign,
  CampaignDetail,
  CampaignHistoryEvent,
  CampaignInput,
  CampaignsQuery,
  CampaignSummary,
  EntityCampaign,
} from '../types/campaigns';
import type { Attestation } from '../types/facts';
import type {
  ChampionsResponse,
  EntityRollup,
  RollupResponse,
} from '../types/rollups';
import type { PackChangePreview } from '../types/preview';
import type { Exemption } from '../types/results';
import {
  entityPath,
  exportParams,
  filenameFromDisposition,
  paramsOf,
} from './requestParts';
import { searchQueryToParams } from '../search/searchQueryParams';
import type {
  ReadinessEntityRef,
  ReadinessExportFormat,
  ReadinessExport,
  ReadinessTrendOptions,
  ReadinessChampionsOptions,
  ReadinessExemptionsOptions,
  ReadinessRequestOptions,
  ReadinessApiClientOptions,
} from './ReadinessApiClientOptions';

/** The most refs `POST /summaries` accepts in one request. */
export const MAX_SUMMARIES_PER_REQUEST = 500;

type ResponseType = 'json' | 'none' | 'download';

interface RequestInit extends ReadinessRequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  query?: URLSearchParams;
  body?: unknown;
  responseType?: ResponseType;
}

/**
 * The typed client of the readiness REST API (`/api/readiness`, described by
 * the backend's `src/schema/openapi.yaml`), written once for every caller:
 * the frontend's `ReadinessClient` (with the app's discovery and fetch APIs)
 * and the search collator (with a plugin request token). Any non-2xx answer
 * becomes a `ResponseError` carrying the server's error.
 *
 * @public
 */
export class ReadinessApiClient {
  readonly #discoveryApi: ReadinessApiClientOptions['discoveryApi'];
  readonly #fetchApi: { fetch: typeof fetch };

  constructor(options: ReadinessApiClientOptions) {
    this.#discoveryApi = options.discoveryApi;
    this.#fetchApi = options.fetchApi ?? { fetch: (...a) => fetch(...a) };
  }

  /** `GET /checks`: the check pack (levels, categories, checks). */
  async getCheckPack(
    options?: ReadinessRequestOptions,
  ): Promise<CheckPackResponse> {
    return this.#request<CheckPackResponse>('/checks', { ...options });
  }

  /** `GET /entities/{kind}/{namespace}/{name}`: one entity's scorecard. */
  async getEntityScorecard(
    entityRef: ReadinessEntityRef,
    options?: ReadinessRequestOptions,
  ): Promise<EntityScorecardResponse> {
    return this.#request(entityPath(entityRef), { ...options });
  }

  /** `POST /entities/{kind}/{namespace}/{name}/refresh`: rescores one entity now. */
  async refreshEntity(
    entityRef: ReadinessEntityRef,
    options?: ReadinessRequestOptions,
  ): Promise<EntityScorecardResponse> {
    return this.#request(`${entityPath(entityRef)}/refresh`, {
      ...options,
      method: 'POST',
    });
  }

  /**
   * `POST /summaries`: the summaries of the scored entities among
   * `entityRefs`, in as many requests of {@link MAX_SUMMARIES_PER_REQUEST}
   * refs as needed.
   */
  async getSummaries(
    entityRefs: string[],
    options?: ReadinessRequestOptions,
  ): Promise<EntitySummary[]> {
    const unique = Array.from(new Set(entityRefs));
    const chunks: string[][] = [];
    for (let i = 0; i < unique.length; i += MAX_SUMMARIES_PER_REQUEST) {
      chunks.push(unique.slice(i, i + MAX_SUMMARIES_PER_REQUEST));
    }
    const responses = await Promise.all(
      chunks.map(chunk =>
        this.#request<{ items: EntitySummary[] }>('/summaries', {
          ...options,
          method: 'POST',
          body: { entityRefs: chunk },
        }),
      ),
    );
    return responses.flatMap(r => r.items);
  }

  /** `GET /search`: one page of scored entities matching the query. */
  async search(
    query: SearchQuery,
    options?: ReadinessRequestOptions,
  ): Promise<SearchResponse> {
    return this.#request<SearchResponse>('/search', {
      ...options,
      query: searchQueryToParams(query),
    });
  }

  /** The URL of `GET /export` for a query (paging left out). */
  async getExportUrl(
    query: SearchQuery,
    format: ReadinessExportFormat,
  ): Promise<string> {
    const baseUrl = await this.#discoveryApi.getBaseUrl('readiness');
    return `${baseUrl}/export?${exportParams(query, format)}`;
  }

  /** `GET /export`: every match of a query as a file. */
  async exportEntities(
    query: SearchQuery,
    format: ReadinessExportFormat,
    options?: ReadinessRequestOptions,
  ): Promise<ReadinessExport> {
    return this.#request<ReadinessExport>('/export', {
      ...options,
      query: exportParams(query, format),
      responseType: 'download',
    });
  }

  /**
   * `GET /rollups`: scored entities grouped by owner, system or domain; with
   * `includeChildren` (owner only), each team also counts its child teams'
   * entities.
   */
  async getRollups(
    groupBy: RollupResponse['groupBy'],
    options?: ReadinessRequestOptions & { includeChildren?: boolean },
  ): Promise<RollupResponse> {
    const { includeChildren, ...requestOptions } = options ?? {};
    return this.#request<RollupResponse>('/rollups', {
      ...requestOptions,
      query: paramsOf({
        groupBy,
        includeChildren: includeChildren ? 'true' : undefined,
      }),
    });
  }

  /**
   * `GET /rollups/{kind}/{namespace}/{name}`: the readiness of what a team
   * (with the groups below it), a system or a domain holds.
   */
  async getEntityRollup(
    entityRef: ReadinessEntityRef,
    options?: ReadinessRequestOptions,
  ): Promise<EntityRollup> {
    return this.#request<EntityRollup>(entityPath(entityRef, '/rollups'), {
      ...options,
    });
  }

  /** `GET /trend`: the mean score and level counts per day. */
  async getTrend(
    trend: ReadinessTrendOptions = {},
    options?: ReadinessRequestOptions,
  ): Promise<TrendPoint[]> {
    const response = await this.#request<{ points: TrendPoint[] }>('/trend', {
      ...options,
      query: paramsOf({ days: trend.days, owner: trend.owner }),
    });
    return response.points;
  }

  /** `GET /champions`: the groups with the highest pass rate per check. */
  async getChampions(
    champions: ReadinessChampionsOptions = {},
    options?: ReadinessRequestOptions,
  ): Promise<ChampionsResponse> {
    return this.#request<ChampionsResponse>('/champions', {
      ...options,
      query: paramsOf({
        checkId: champions.checkId,
        limit: champions.limit,
      }),
    });
  }

  /** `GET /runs`: the latest scoring runs. */
  async getRuns(
    runs: { limit?: number } = {},
    options?: ReadinessRequestOptions,
  ): Promise<RunInfo[]> {
    const response = await this.#request<{ items: RunInfo[] }>('/runs', {
      ...options,
      query: paramsOf({ limit: runs.limit }),
    });
    return response.items;
  }

  /** `GET /runs`: when entities are scored next. */
  async getRunSchedule(
    options?: ReadinessRequestOptions,
  ): Promise<RunSchedule> {
    const response = await this.#request<RunSchedule>('/runs', {
      ...options,
      query: paramsOf({ limit: 1 }),
    });
    return {
      ...(response.nextRunAt ? { nextRunAt: response.nextRunAt } : {}),
      ...(response.deltaIntervalSeconds
        ? { deltaIntervalSeconds: response.deltaIntervalSeconds }
        : {}),
    };
  }

  /** `GET /runs/{id}`: one run and its progress. */
  async getRun(
    id: string,
    options?: ReadinessRequestOptions,
  ): Promise<RunInfo> {
    return this.#request<RunInfo>(`/runs/${encodeURIComponent(id)}`, {
      ...options,
    });
  }

  /** `POST /runs`: starts a full rescore. */
  async startRun(options?: ReadinessRequestOptions): Promise<RunInfo> {
    return this.#request<RunInfo>('/runs', { ...options, method: 'POST' });
  }

  /** `GET /exemptions`: the exemptions, optionally of one entity or check. */
  async getExemptions(
    exemptions: ReadinessExemptionsOptions = {},
    options?: ReadinessRequestOptions,
  ): Promise<Exemption[]> {
    const response = await this.#request<ExemptionsResponse>('/exemptions', {
      ...options,
      query: paramsOf({
        entityRef: exemptions.entityRef,
        checkId: exemptions.checkId,
        includeExpired: exemptions.includeExpired ? 'true' : undefined,
      }),
    });
    return response.items;
  }

  /** `POST /exemptions`: exempts one entity from one check. */
  async createExemption(
    request: ExemptionRequest,
    options?: ReadinessRequestOptions,
  ): Promise<Exemption> {
    return this.#request<Exemption>('/exemptions', {
      ...options,
      method: 'POST',
      body: request,
    });
  }

  /** `POST /attestations`: records that an attested check holds. */
  async recordAttestation(
    request: AttestationRequest,
    options?: ReadinessRequestOptions,
  ): Promise<Attestation> {
    return this.#request<Attestation>('/attestations', {
      ...options,
      method: 'POST',
      body: request,
    });
  }

  /** `DELETE /exemptions/{id}`. */
  async deleteExemption(
    id: string,
    options?: ReadinessRequestOptions,
  ): Promise<void> {
    await this.#request<void>(`/exemptions/${encodeURIComponent(id)}`, {
      ...options,
      method: 'DELETE',
      responseType: 'none',
    });
  }

  /** `GET /campaigns`: the campaigns with their progress, newest first. */
  async getCampaigns(
    query?: CampaignsQuery,
    options?: ReadinessRequestOptions,
  ): Promise<CampaignSummary[]> {
    const params = new URLSearchParams();
    if (query?.status) {
      params.set('status', query.status);
    }
    if (query?.owner) {
      params.set('owner', query.owner);
    }
    const response = await this.#request<{ items: CampaignSummary[] }>(
      '/campaigns',
      { ...options, query: params },
    );
    return response.items;
  }

  /** `GET /campaigns/{id}`: a campaign's progress per team, entity and day. */
  async getCampaign(
    id: string,
    options?: ReadinessRequestOptions,
  ): Promise<CampaignDetail> {
    return this.#request<CampaignDetail>(
      `/campaigns/${encodeURIComponent(id)}`,
      { ...options },
    );
  }

  /** `POST /campaigns`: creates a campaign. */
  async createCampaign(
    input: CampaignInput,
    options?: ReadinessRequestOptions,
  ): Promise<Campaign> {
    return this.#request<Campaign>('/campaigns', {
      ...options,
      method: 'POST',
      body: input,
    });
  }

  /** `PATCH /campaigns/{id}`: edits a campaign created through the API. */
  async updateCampaign(
    id: string,
    changes: Partial<CampaignInput>,
    options?: ReadinessRequestOptions,
  ): Promise<Campaign> {
    return this.#request<Campaign>(`/campaigns/${encodeURIComponent(id)}`, {
      ...options,
      method: 'PATCH',
      body: changes,
    });
  }

  /** `POST /campaigns/{id}/close` (or `/reopen` when `closed` is false). */
  async setCampaignClosed(
    id: string,
    closed: boolean,
    options?: ReadinessRequestOptions,
  ): Promise<Campaign> {
    return this.#request<Campaign>(
      `/campaigns/${encodeURIComponent(id)}/${closed ? 'close' : 'reopen'}`,
      { ...options, method: 'POST' },
    );
  }

  /** `GET /campaigns/{id}/history`: who changed the campaign, and how. */
  async getCampaignHistory(
    id: string,
    options?: ReadinessRequestOptions,
  ): Promise<CampaignHistoryEvent[]> {
    const response = await this.#request<{ items: CampaignHistoryEvent[] }>(
      `/campaigns/${encodeURIComponent(id)}/history`,
      { ...options },
    );
    return response.items;
  }

  /** `GET /entities/{kind}/{namespace}/{name}/campaigns`: the campaigns covering one entity. */
  async getEntityCampaigns(
    entityRef: ReadinessEntityRef,
    options?: ReadinessRequestOptions,
  ): Promise<EntityCampaign[]> {
    const response = await this.#request<{ items: EntityCampaign[] }>(
      `${entityPath(entityRef)}/campaigns`,
      { ...options },
    );
    return response.items;
  }

  /**
   * `GET /preview?promote=`: what promoting advisory checks would do to
   * levels.
   */
  async previewPromotion(
    checkIds: string[],
    options?: ReadinessRequestOptions,
  ): Promise<PackChangePreview> {
    const params = new URLSearchParams();
    for (const id of checkIds) {
      params.append('promote', id);
    }
    return this.#request<PackChangePreview>('/preview', {
      ...options,
      query: params,
    });
  }

  /**
   * `POST /preview`: what a proposed `readiness.checks`/`readiness.levels`
   * would do to levels.
   */
  async previewPackChange(
    proposed: { checks?: unknown[]; levels?: unknown[] },
    options?: ReadinessRequestOptions,
  ): Promise<PackChangePreview> {
    return this.#request<PackChangePreview>('/preview', {
      ...options,
      method: 'POST',
      body: proposed,
    });
  }

  /** Sends one request and decodes the answer. */
  async #request<T>(path: string, init: RequestInit): Promise<T> {
    const baseUrl = await this.#discoveryApi.getBaseUrl('readiness');
    const search = init.query?.toString();
    const url = `${baseUrl}${path}${search ? `?${search}` : ''}`;
    const headers: Record<string, string> = {};
    if (init.token) {
      headers.Authorization = `Bearer ${init.token}`;
    }
    if (init.body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    const response = await this.#fetchApi.fetch(url, {
      method: init.method ?? 'GET',
      ...(Object.keys(headers).length > 0 && { headers }),
      ...(init.body !== undefined && { body: JSON.stringify(init.body) }),
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    const responseType = init.responseType ?? 'json';
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
            init.query?.get('format') ?? 'csv'
          }`,
        ),
      };
      return download as T;
    }
    return (await response.json()) as T;
  }
}
