export { ReadinessPage } from './ReadinessPage';
export type { ReadinessPageProps } from './ReadinessPage';
