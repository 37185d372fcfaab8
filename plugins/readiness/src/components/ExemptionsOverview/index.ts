export { ExemptionsOverview } from './ExemptionsOverview';
export type { ExemptionsOverviewProps } from './ExemptionsOverview';
