export { OwnerHeatmap } from './OwnerHeatmap';
export type { OwnerHeatmapProps } from './OwnerHeatmap';
