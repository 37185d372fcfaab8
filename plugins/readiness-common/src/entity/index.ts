export {
  readEntityTier,
  normalizeTier,
  TIER_ANNOTATION,
} from './readEntityTier';
