export { LevelDistributionChart } from './LevelDistributionChart';
export type { LevelDistributionChartProps } from './LevelDistributionChart';
