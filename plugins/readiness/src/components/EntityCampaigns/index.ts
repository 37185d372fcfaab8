export { EntityCampaigns } from './EntityCampaigns';
export type { EntityCampaignsProps } from './EntityCampaigns';
