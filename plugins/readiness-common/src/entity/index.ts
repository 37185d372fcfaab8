export {
  readEntityTier,
  normalizeTier,
  TIER_ANNOTATION,
} from './readEntityTier';
export { toEntityRef } from './toEntityRef';
