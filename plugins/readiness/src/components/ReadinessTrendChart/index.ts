export { ReadinessTrendChart } from './ReadinessTrendChart';
export type { ReadinessTrendChartProps } from './ReadinessTrendChart';
