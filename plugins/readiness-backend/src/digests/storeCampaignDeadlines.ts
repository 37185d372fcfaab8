import type { StoredCampaign } from '../campaigns/CampaignsStore';
import type {
  CampaignDeadline,
  CampaignDeadlineSource,
} from './CampaignDeadlineSource';

/**
 * Campaign deadlines from the campaigns store and those declared in config:
 * open campaigns due from `from` to `to` whose scope names one of the
 * team's groups as owner, or names no owners (they cover every team). Other
 * scope dimensions (systems, kinds, tiers, lifecycles) are not matched
 * here: a team may hear of a campaign none of its entities is in, never
 * miss one.
 *
 * @internal
 */
export function storeCampaignDeadlines(options: {
  listCampaigns(): Promise<StoredCampaign[]>;
  configCampaigns: StoredCampaign[];
}): CampaignDeadlineSource {
  return {
    async listDeadlines({ ownerRefs, from, to }) {
      const fromDay = from.toISOString().slice(0, 10);
      const toDay = to.toISOString().slice(0, 10);
      const members = new Set(ownerRefs);
      const stored = await options.listCampaigns();
      const configIds = new Set(options.configCampaigns.map(c => c.id));
      const all = [
        ...options.configCampaigns,
        ...stored.filter(c => !configIds.has(c.id)),
      ];
      return all
        .filter(
          c =>
            !c.closedAt &&
            c.startsAt <= toDay &&
            c.deadline >= fromDay &&
            c.deadline <= toDay &&
            (!c.scope.owners?.length ||
              c.scope.owners.some(owner => members.has(owner))),
        )
        .sort(
          (a, b) =>
            a.deadline.localeCompare(b.deadline) || a.id.localeCompare(b.id),
        )
        .map(
          (c): CampaignDeadline => ({
            campaignId: c.id,
            title: c.title,
            deadline: c.deadline,
          }),
        );
    },
  };
}
