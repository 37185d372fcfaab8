export { createReadinessColumn } from './createReadinessColumn';
export type { ReadinessColumnOptions } from './createReadinessColumn';
export { ReadinessLevelCell } from './ReadinessLevelCell';
export type { ReadinessLevelCellProps } from './ReadinessLevelCell';
