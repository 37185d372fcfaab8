import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import {
  ReadinessApiClient,
  type ChampionsResponse,
  type CheckPackResponse,
  type EntityRollup,
  type EntityScorecardResponse,
  type EntitySummary,
  type Exemption,
  type ExemptionRequest,
  type Attestation,
  type AttestationRequest,
  type Campaign,
  type CampaignDetail,
  type CampaignHistoryEvent,
  type CampaignInput,
  type CampaignsQuery,
  type CampaignSummary,
  type EntityCampaign,
  type RollupResponse,
  type RunInfo,
  type RunSchedule,
  type SearchQuery,
  type SearchResponse,
  type TrendPoint,
} from '@prodready/plugin-readiness-common';
import { EntitySummaryBatcher } from './EntitySummaryBatcher';
import type {
  ReadinessApi,
  ReadinessChampionsOptions,
  ReadinessEntityRef,
  ReadinessExemptionsOptions,
  ReadinessExport,
  ReadinessExportFormat,
  ReadinessTrendOptions,
} from './ReadinessApi';

/**
 * Options of {@link ReadinessClient}.
 *
 * @public
 */
export interface ReadinessClientOptions {
  /** Finds the readiness backend's base URL. */
  discoveryApi: DiscoveryApi;
  /** Sends the requests with the signed-in user's token. */
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

/**
 * The default {@link ReadinessApi}: talks to the readiness backend through
 * the app's discovery and fetch APIs (so requests carry the user's token).
 * The requests are those of `ReadinessApiClient` from
 * `@prodready/plugin-readiness-common`; this class adds what a page full of
 * badges needs: the check pack kept for a while, and single summary lookups
 * batched and cached.
 *
 * @public
 */
export class ReadinessClient implements ReadinessApi {
  private readonly client: ReadinessApiClient;
  private readonly summaryBatcher: EntitySummaryBatcher;
  private readonly checkPackCacheMs: number;
  private checkPack?: { promise: Promise<CheckPackResponse>; at: number };

  constructor(options: ReadinessClientOptions) {
    this.client = new ReadinessApiClient({
      discoveryApi: options.discoveryApi,
      fetchApi: options.fetchApi,
    });
    this.summaryBatcher = new EntitySummaryBatcher({
      load: refs => this.getSummaries(refs),
      windowMs: options.summaryBatchWindowMs,
      cacheMs: options.summaryCacheMs,
    });
    this.checkPackCacheMs = options.checkPackCacheMs ?? 5 * 60 * 1000;
  }

  /**
   * The check pack: levels, categories and checks. Kept for `checkPackCacheMs`
   * so that every badge does not fetch it; a failed fetch is not kept.
   */
  async getCheckPack(): Promise<CheckPackResponse> {
    const now = Date.now();
    if (!this.checkPack || now - this.checkPack.at > this.checkPackCacheMs) {
      const promise = this.client.getCheckPack();
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

  /** {@inheritDoc ReadinessApi.getEntityScorecard} */
  async getEntityScorecard(
    entityRef: ReadinessEntityRef,
  ): Promise<EntityScorecardResponse> {
    return this.client.getEntityScorecard(entityRef);
  }

  /** {@inheritDoc ReadinessApi.refreshEntity} */
  async refreshEntity(
    entityRef: ReadinessEntityRef,
  ): Promise<EntityScorecardResponse> {
    return this.client.refreshEntity(entityRef);
  }

  /** {@inheritDoc ReadinessApi.getSummaries} */
  async getSummaries(entityRefs: string[]): Promise<EntitySummary[]> {
    return this.client.getSummaries(entityRefs);
  }

  /**
   * The summary of one entity, or `undefined` when it is not scored. Lookups
   * within `summaryBatchWindowMs` share one `POST /summaries`, and answers are
   * kept for `summaryCacheMs`.
   */
  async getSummary(entityRef: string): Promise<EntitySummary | undefined> {
    return this.summaryBatcher.get(entityRef);
  }

  /** {@inheritDoc ReadinessApi.search} */
  async search(query: SearchQuery): Promise<SearchResponse> {
    return this.client.search(query);
  }

  /** {@inheritDoc ReadinessApi.getExportUrl} */
  async getExportUrl(
    query: SearchQuery,
    format: ReadinessExportFormat,
  ): Promise<string> {
    return this.client.getExportUrl(query, format);
  }

  /** {@inheritDoc ReadinessApi.exportEntities} */
  async exportEntities(
    query: SearchQuery,
    format: ReadinessExportFormat,
  ): Promise<ReadinessExport> {
    return this.client.exportEntities(query, format);
  }

  /** {@inheritDoc ReadinessApi.getRollups} */
  async getRollups(
    groupBy: RollupResponse['groupBy'],
  ): Promise<RollupResponse> {
    return this.client.getRollups(groupBy);
  }

  /** {@inheritDoc ReadinessApi.getEntityRollup} */
  async getEntityRollup(entityRef: ReadinessEntityRef): Promise<EntityRollup> {
    return this.client.getEntityRollup(entityRef);
  }

  /** {@inheritDoc ReadinessApi.getTrend} */
  async getTrend(options: ReadinessTrendOptions = {}): Promise<TrendPoint[]> {
    return this.client.getTrend(options);
  }

  /** {@inheritDoc ReadinessApi.getChampions} */
  async getChampions(
    options: ReadinessChampionsOptions = {},
  ): Promise<ChampionsResponse> {
    return this.client.getChampions(options);
  }

  /** {@inheritDoc ReadinessApi.getRuns} */
  async getRuns(options: { limit?: number } = {}): Promise<RunInfo[]> {
    return this.client.getRuns(options);
  }

  /** {@inheritDoc ReadinessApi.getRunSchedule} */
  async getRunSchedule(): Promise<RunSchedule> {
    return this.client.getRunSchedule();
  }

  /** {@inheritDoc ReadinessApi.getRun} */
  async getRun(id: string): Promise<RunInfo> {
    return this.client.getRun(id);
  }

  /** {@inheritDoc ReadinessApi.startRun} */
  async startRun(): Promise<RunInfo> {
    return this.client.startRun();
  }

  /** {@inheritDoc ReadinessApi.getExemptions} */
  async getExemptions(
    options: ReadinessExemptionsOptions = {},
  ): Promise<Exemption[]> {
    return this.client.getExemptions(options);
  }

  /** {@inheritDoc ReadinessApi.createExemption} */
  async createExemption(request: ExemptionRequest): Promise<Exemption> {
    return this.client.createExemption(request);
  }

  /** {@inheritDoc ReadinessApi.deleteExemption} */
  async deleteExemption(id: string): Promise<void> {
    return this.client.deleteExemption(id);
  }

  /** {@inheritDoc ReadinessApi.recordAttestation} */
  async recordAttestation(request: AttestationRequest): Promise<Attestation> {
    return this.client.recordAttestation(request);
  }

  /** {@inheritDoc ReadinessApi.getCampaigns} */
  async getCampaigns(query?: CampaignsQuery): Promise<CampaignSummary[]> {
    return this.client.getCampaigns(query);
  }

  /** {@inheritDoc ReadinessApi.getCampaign} */
  async getCampaign(id: string): Promise<CampaignDetail> {
    return this.client.getCampaign(id);
  }

  /** {@inheritDoc ReadinessApi.createCampaign} */
  async createCampaign(input: CampaignInput): Promise<Campaign> {
    return this.client.createCampaign(input);
  }

  /** {@inheritDoc ReadinessApi.updateCampaign} */
  async updateCampaign(
    id: string,
    changes: Partial<CampaignInput>,
  ): Promise<Campaign> {
    return this.client.updateCampaign(id, changes);
  }

  /** {@inheritDoc ReadinessApi.setCampaignClosed} */
  async setCampaignClosed(id: string, closed: boolean): Promise<Campaign> {
    return this.client.setCampaignClosed(id, closed);
  }

  /** {@inheritDoc ReadinessApi.getCampaignHistory} */
  async getCampaignHistory(id: string): Promise<CampaignHistoryEvent[]> {
    return this.client.getCampaignHistory(id);
  }

  /** {@inheritDoc ReadinessApi.getEntityCampaigns} */
  async getEntityCampaigns(
    entityRef: ReadinessEntityRef,
  ): Promise<EntityCampaign[]> {
    return this.client.getEntityCampaigns(entityRef);
  }
}
