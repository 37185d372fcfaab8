export { CampaignDeadline } from './CampaignDeadline';
export type { CampaignDeadlineProps } from './CampaignDeadline';
