import type {
  Campaign,
  CampaignStatus,
} from '@prodready/plugin-readiness-common';

/**
 * The ISO day (UTC) of a time: campaigns start and end on days.
 *
 * @internal
 */
export function isoDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/**
 * Whether a campaign is closed, not started yet (its start is after
 * `today`), or active. A campaign past its deadline stays active until it is
 * closed: the deadline is a goal, not an end.
 *
 * @internal
 */
export function campaignStatus(
  campaign: Pick<Campaign, 'startsAt' | 'closedAt'>,
  today: string,
): CampaignStatus {
  if (campaign.closedAt) {
    return 'closed';
  }
  return campaign.startsAt > today ? 'upcoming' : 'active';
}
