import type {
  Campaign,
  CampaignDetail,
  CampaignHistoryEvent,
  CampaignsQuery,
  CampaignSummary,
  EntityCampaign,
} from '@prodready/plugin-readiness-common';
import type { CallerOptions } from './CallerOptions';

/**
 * Campaigns as the caller may see them: progress counts only entities the
 * caller may read in the catalog. Creating, editing, closing and reopening
 * need `readiness.campaign.manage`. Implemented by
 * {@link AuthorizedCampaignsService}.
 *
 * @internal
 */
export interface CampaignsService {
  /** The campaigns with their progress, newest first. */
  list(
    query: CampaignsQuery,
    options: CallerOptions,
  ): Promise<CampaignSummary[]>;
  /** One campaign's page. */
  get(id: string, options: CallerOptions): Promise<CampaignDetail>;
  /** Who changed a campaign, and how. */
  listHistory(
    id: string,
    options: CallerOptions,
  ): Promise<CampaignHistoryEvent[]>;
  /** The open campaigns covering an entity the caller may read. */
  listEntityCampaigns(
    entityRef: string,
    options: CallerOptions,
  ): Promise<EntityCampaign[]>;
  /** Creates a campaign (input validated here, 400 naming the field). */
  create(input: unknown, options: CallerOptions): Promise<Campaign>;
  /** Edits a campaign created through the API (409 for config ones). */
  update(
    id: string,
    changes: unknown,
    options: CallerOptions,
  ): Promise<Campaign>;
  /** Closes (or reopens) a campaign created through the API. */
  setClosed(
    id: string,
    closed: boolean,
    options: CallerOptions,
  ): Promise<Campaign>;
}
