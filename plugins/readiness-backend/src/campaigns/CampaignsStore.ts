import type {
  Campaign,
  CampaignHistoryEvent,
  CampaignProgress,
  CampaignProgressPoint,
} from '@prodready/plugin-readiness-common';

/**
 * A campaign as stored: everything but its status, which follows from the
 * day it is read.
 *
 * @internal
 */
export type StoredCampaign = Omit<Campaign, 'status'>;

/**
 * What a notification about a campaign was for: its creation (one per owner
 * in scope) or an entity meeting its goal (one per entity).
 *
 * @internal
 */
export type CampaignNotificationKind = 'created' | 'met';

/**
 * Where campaigns created through the API, their history, daily progress
 * and the notifications sent about them are kept. Implemented by
 * `DatabaseCampaignsStore`.
 *
 * @internal
 */
export interface CampaignsStore {
  /** Stores a new campaign and its `created` history event, together. */
  createCampaign(
    campaign: StoredCampaign,
    event: CampaignHistoryEvent,
  ): Promise<void>;
  /** Replaces a stored campaign and appends the event, together. */
  updateCampaign(
    campaign: StoredCampaign,
    event: CampaignHistoryEvent,
  ): Promise<void>;
  /** One stored campaign. */
  getCampaign(id: string): Promise<StoredCampaign | undefined>;
  /** Every stored campaign, newest first. */
  listCampaigns(): Promise<StoredCampaign[]>;
  /** A campaign's history, oldest first. */
  listCampaignHistory(id: string): Promise<CampaignHistoryEvent[]>;
  /** Records (or replaces) a campaign's progress on a day. */
  saveCampaignProgress(
    id: string,
    day: string,
    progress: CampaignProgress,
  ): Promise<void>;
  /** A campaign's daily progress, oldest first. */
  listCampaignProgress(id: string): Promise<CampaignProgressPoint[]>;
  /**
   * Claims the notifications of `kind` about `subjects` that nobody claimed
   * before, and returns those subjects: the caller, and only it, sends them.
   */
  claimCampaignNotifications(
    id: string,
    kind: CampaignNotificationKind,
    subjects: string[],
    at: Date,
  ): Promise<string[]>;
  /** Whether any notification of `kind` was claimed for the campaign. */
  hasCampaignNotifications(
    id: string,
    kind: CampaignNotificationKind,
  ): Promise<boolean>;
}
