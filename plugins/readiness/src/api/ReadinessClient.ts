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

  async getEntityScorecard(
    entityRef: ReadinessEntityRef,
  ): Promise<EntityScorecardResponse> {
    return this.client.getEntityScorecard(entityRef);
  }

  async refreshEntity(
    entityRef: ReadinessEntityRef,
  ): Promise<EntityScorecardResponse> {
    return this.client.refreshEntity(entityRef);
  }

  async getSummaries(entityRefs: string[]): Promise<EntitySummary[]> {
    return this.client.getSummaries(entityRefs);
  }

  async getSummary(entityRef: string): Promise<EntitySummary | undefined> {
    return this.summaryBatcher.get(entityRef);
  }

  async search(query: SearchQuery): Promise<SearchResponse> {
    return this.client.search(query);
  }

  async getExportUrl(
    query: SearchQuery,
    format: ReadinessExportFormat,
  ): Promise<string> {
    return this.client.getExportUrl(query, format);
  }

  async exportEntities(
    query: SearchQuery,
    format: ReadinessExportFormat,
  ): Promise<ReadinessExport> {
    return this.client.exportEntities(query, format);
  }

  async getRollups(
    groupBy: RollupResponse['groupBy'],
    options?: { includeChildren?: boolean },
  ): Promise<RollupResponse> {
    return this.client.getRollups(groupBy, options);
  }

  async getEntityRollup(entityRef: ReadinessEntityRef): Promise<EntityRollup> {
    return this.client.getEntityRollup(entityRef);
  }

  async getTrend(options: ReadinessTrendOptions = {}): Promise<TrendPoint[]> {
    return this.client.getTrend(options);
  }

  async getChampions(
    options: ReadinessChampionsOptions = {},
  ): Promise<ChampionsResponse> {
    return this.client.getChampions(options);
  }

  async getRuns(options: { limit?: number } = {}): Promise<RunInfo[]> {
    return this.client.getRuns(options);
  }

  async getRunSchedule(): Promise<RunSchedule> {
    return this.client.getRunSchedule();
  }

  async getRun(id: string): Promise<RunInfo> {
    return this.client.getRun(id);
  }

  async startRun(): Promise<RunInfo> {
    return this.client.startRun();
  }

  async getExemptions(
    options: ReadinessExemptionsOptions = {},
  ): Promise<Exemption[]> {
    return this.client.getExemptions(options);
  }

  async createExemption(request: ExemptionRequest): Promise<Exemption> {
    return this.client.createExemption(request);
  }

  async deleteExemption(id: string): Promise<void> {
    return this.client.deleteExemption(id);
  }

  async recordAttestation(request: AttestationRequest): Promise<Attestation> {
    return this.client.recordAttestation(request);
  }

  async getCampaigns(query?: CampaignsQuery): Promise<CampaignSummary[]> {
    return this.client.getCampaigns(query);
  }

  async getCampaign(id: string): Promise<CampaignDetail> {
    return this.client.getCampaign(id);
  }

  async createCampaign(input: CampaignInput): Promise<Campaign> {
    return this.client.createCampaign(input);
  }

  async updateCampaign(
    id: string,
    changes: Partial<CampaignInput>,
  ): Promise<Campaign> {
    return this.client.updateCampaign(id, changes);
  }

  async setCampaignClosed(id: string, closed: boolean): Promise<Campaign> {
    return this.client.setCampaignClosed(id, closed);
  }

  async getCampaignHistory(id: string): Promise<CampaignHistoryEvent[]> {
    return this.client.getCampaignHistory(id);
  }

  async getEntityCampaigns(
    entityRef: ReadinessEntityRef,
  ): Promise<EntityCampaign[]> {
    return this.client.getEntityCampaigns(entityRef);
  }
}
