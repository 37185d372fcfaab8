export { ReadinessRouter } from './ReadinessRouter';
