import { useRouteRef } from '@backstage/core-plugin-api';
import { campaignRouteRef, campaignsRouteRef } from '../routes';

/** Addresses of the campaign pages (see {@link useCampaignLinks}). */
export interface CampaignLinks {
  /** The list of campaigns. */
  campaigns?: string;
  /** One campaign's page. */
  campaign(id: string): string | undefined;
}

/**
 * Links to the campaign pages, `undefined` where the app does not mount the
 * readiness page: views shown elsewhere (entity tabs) then show titles
 * without links rather than fail.
 */
export function useCampaignLinks(): CampaignLinks {
  // useRouteRef runs all of its hooks before it throws for an unmounted
  // route: every render calls the same hooks, only the throw is caught.
  let list: (() => string) | undefined;
  let one: ((params: { id: string }) => string) | undefined;
  try {
    // eslint-disable-next-line react-hooks/rules-of-hooks
    list = useRouteRef(campaignsRouteRef);
  } catch {
    list = undefined;
  }
  try {
    // eslint-disable-next-line react-hooks/rules-of-hooks
    one = useRouteRef(campaignRouteRef);
  } catch {
    one = undefined;
  }
  return {
    campaigns: list?.(),
    campaign: id => one?.({ id }),
  };
}
