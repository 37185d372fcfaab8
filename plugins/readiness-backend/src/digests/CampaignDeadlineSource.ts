/**
 * A campaign deadline a team's digest announces.
 *
 * @internal
 */
export interface CampaignDeadline {
  campaignId: string;
  title: string;
  /** ISO-8601 date or date-time. */
  deadline: string;
  /** Where the campaign's page is, app-relative. */
  link?: string;
}

/**
 * Where team digests learn of campaign deadlines. The campaigns store
 * implements it once it exists; until then {@link noCampaignDeadlines}.
 *
 * @internal
 */
export interface CampaignDeadlineSource {
  /**
   * Open campaigns whose scope includes entities of `ownerRefs` (the team
   * and the groups below it) with a deadline from `from` to `to`, soonest
   * first.
   */
  listDeadlines(query: {
    teamRef: string;
    ownerRefs: string[];
    from: Date;
    to: Date;
  }): Promise<CampaignDeadline[]>;
}

/**
 * A {@link CampaignDeadlineSource} without campaigns.
 *
 * @internal
 */
export const noCampaignDeadlines: CampaignDeadlineSource = {
  listDeadlines: async () => [],
};
