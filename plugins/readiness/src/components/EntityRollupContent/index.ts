export { EntityRollupContent } from './EntityRollupContent';
