export { CampaignProgressChart } from './CampaignProgressChart';
export type { CampaignProgressChartProps } from './CampaignProgressChart';
