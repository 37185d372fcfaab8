export { TeamCampaigns } from './TeamCampaigns';
export type { TeamCampaignsProps } from './TeamCampaigns';
