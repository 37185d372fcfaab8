export { ReadinessColumn } from './ReadinessColumn';
export type { ReadinessColumnOptions } from './ReadinessColumn';
export { ReadinessLevelCell } from './ReadinessLevelCell';
export type { ReadinessLevelCellProps } from './ReadinessLevelCell';
