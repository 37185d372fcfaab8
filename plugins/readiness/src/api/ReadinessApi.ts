import { createApiRef } from '@backstage/core-plugin-api';
import type {
  ChampionsResponse,
  CheckPackResponse,
  EntityRollup,
  EntityScorecardResponse,
  EntitySummary,
  Exemption,
  ExemptionRequest,
  Attestation,
  AttestationRequest,
  Campaign,
  CampaignDetail,
  CampaignHistoryEvent,
  CampaignInput,
  CampaignsQuery,
  CampaignSummary,
  EntityCampaign,
  RollupResponse,
  RunInfo,
  RunSchedule,
  SearchQuery,
  SearchResponse,
  TrendPoint,
  ReadinessChampionsOptions,
  ReadinessEntityRef,
  ReadinessExemptionsOptions,
  ReadinessExport,
  ReadinessExportFormat,
  ReadinessTrendOptions,
} from '@prodready/plugin-readiness-common';

// The option and result types of the API are those of the common client.
export type {
  ReadinessChampionsOptions,
  ReadinessEntityRef,
  ReadinessExemptionsOptions,
  ReadinessExport,
  ReadinessExportFormat,
  ReadinessTrendOptions,
};

/**
 * Client of the readiness backend (`/api/readiness`).
 *
 * @public
 */
export interface ReadinessApi {
  /** The check pack: levels, categories and checks. */
  getCheckPack(): Promise<CheckPackResponse>;

  /**
   * One entity's scorecard. Rejects with a `ResponseError` of status 404 when
   * the entity is not scored yet or not visible to the caller.
   */
  getEntityScorecard(
    entityRef: ReadinessEntityRef,
  ): Promise<EntityScorecardResponse>;

  /** Rescores one entity now and returns its new scorecard. */
  refreshEntity(
    entityRef: ReadinessEntityRef,
  ): Promise<EntityScorecardResponse>;

  /**
   * Summaries (level, score, gaps) of many entities in as few requests as
   * possible (`POST /summaries`, at most 500 refs each). Entities that are not
   * scored are left out.
   */
  getSummaries(entityRefs: string[]): Promise<EntitySummary[]>;

  /**
   * The summary of one entity, or `undefined` when it is not scored. Calls
   * made close together (within a few milliseconds, e.g. every row of a table
   * page) are batched into one `POST /summaries`.
   */
  getSummary(entityRef: string): Promise<EntitySummary | undefined>;

  /** Searches scored entities by gaps and catalog fields, one page at a time. */
  search(query: SearchQuery): Promise<SearchResponse>;

  /** The URL of an export of every entity matching the query. */
  getExportUrl(
    query: SearchQuery,
    format: ReadinessExportFormat,
  ): Promise<string>;

  /** Downloads an export of every entity matching the query. */
  exportEntities(
    query: SearchQuery,
    format: ReadinessExportFormat,
  ): Promise<ReadinessExport>;

  /**
   * Scores rolled up by owner, system or domain; with `includeChildren`
   * (owner only), each team also counts its child teams' entities.
   */
  getRollups(
    groupBy: RollupResponse['groupBy'],
    options?: { includeChildren?: boolean },
  ): Promise<RollupResponse>;

  /**
   * The readiness of what a team (with every group below it), a system or a
   * domain holds.
   */
  getEntityRollup(entityRef: ReadinessEntityRef): Promise<EntityRollup>;

  /** The organisation's (or one owner's) score and levels over time. */
  getTrend(options?: ReadinessTrendOptions): Promise<TrendPoint[]>;

  /** The groups with the highest pass rate, per check. */
  getChampions(options?: ReadinessChampionsOptions): Promise<ChampionsResponse>;

  /** Recent scoring runs, newest first. */
  getRuns(options?: { limit?: number }): Promise<RunInfo[]>;

  /** One scoring run. */
  getRun(id: string): Promise<RunInfo>;

  /**
   * When entities are scored next (the delta pass's interval, the next full
   * run); optional so that older implementations keep working.
   */
  getRunSchedule?(): Promise<RunSchedule>;

  /** Starts a full rescore of the catalog. */
  startRun(): Promise<RunInfo>;

  /** Exemptions, optionally of one entity and/or one check. */
  getExemptions(options?: ReadinessExemptionsOptions): Promise<Exemption[]>;

  /** Exempts an entity from a check. */
  createExemption(request: ExemptionRequest): Promise<Exemption>;

  /** Removes an exemption. */
  deleteExemption(id: string): Promise<void>;

  /** Records an attestation of an attested check. */
  recordAttestation(request: AttestationRequest): Promise<Attestation>;

  /** Campaigns with their progress, newest first. */
  getCampaigns(query?: CampaignsQuery): Promise<CampaignSummary[]>;

  /** One campaign's progress per team, per entity and over time. */
  getCampaign(id: string): Promise<CampaignDetail>;

  /** Creates a campaign (needs `readiness.campaign.manage`). */
  createCampaign(input: CampaignInput): Promise<Campaign>;

  /** Edits a campaign created through the API. */
  updateCampaign(
    id: string,
    changes: Partial<CampaignInput>,
  ): Promise<Campaign>;

  /** Closes (or reopens) a campaign. */
  setCampaignClosed(id: string, closed: boolean): Promise<Campaign>;

  /** Who changed a campaign, and how. */
  getCampaignHistory(id: string): Promise<CampaignHistoryEvent[]>;

  /** The campaigns covering one entity, with what it still misses. */
  getEntityCampaigns(entityRef: ReadinessEntityRef): Promise<EntityCampaign[]>;
}

/**
 * The {@link ReadinessApi} reference.
 *
 * @public
 */
export const readinessApiRef = createApiRef<ReadinessApi>({
  id: 'plugin.readiness.service',
});
