import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { normalizeTier } from '../entity/readEntityTier';

/**
 * The config key that maps tiers to target levels.
 *
 * @public
 */
export const TARGETS_BY_TIER_KEY = 'readiness.targets.byTier';

/**
 * Targets when `readiness.targets.byTier` is not set: tier-1 services aim at
 * gold, tier-2 at silver, other tiers have no target.
 *
 * @public
 */
export const DEFAULT_TARGETS_BY_TIER: Readonly<Record<string, string>> = {
  'tier-1': 'gold',
  'tier-2': 'silver',
};

/**
 * Reads `readiness.targets.byTier` (tier to target level id), tiers
 * normalised as everywhere (`Tier 1` → `tier-1`). Defaults to
 * {@link DEFAULT_TARGETS_BY_TIER} when absent (those of its levels the pack
 * has); an empty object turns targets off. A level that is not one of `levelIds` fails with an error naming the
 * key and the value. The backend and the CLI read it alike.
 *
 * @public
 */
export function readTargetsByTier(
  config: Config,
  levelIds: ReadonlyArray<string>,
): Record<string, string> {
  // Read as plain JSON: tier names such as `Tier 1` are not valid config keys.
  const value = config.getOptional(TARGETS_BY_TIER_KEY);
  // Defaults apply where the pack has their level (renamed levels: none).
  const entries =
    value === undefined
      ? Object.entries(DEFAULT_TARGETS_BY_TIER).filter(([, level]) =>
          levelIds.includes(level),
        )
      : undefined;
  if (
    !entries &&
    (typeof value !== 'object' || value === null || Array.isArray(value))
  ) {
    throw new InputError(
      `Invalid value at ${TARGETS_BY_TIER_KEY}: ${JSON.stringify(
        value,
      )}; expected an object of tier: level`,
    );
  }
  const result: Record<string, string> = {};
  for (const [tier, level] of entries ?? Object.entries(value as object)) {
    const normalized = normalizeTier(tier);
    if (!normalized) {
      throw new InputError(
        `Invalid key at ${TARGETS_BY_TIER_KEY}: '${tier}'; expected a tier such as tier-1`,
      );
    }
    if (typeof level !== 'string' || !levelIds.includes(level)) {
      throw new InputError(
        `Invalid value at ${TARGETS_BY_TIER_KEY}.${tier}: ${JSON.stringify(
          level,
        )}; expected one of the levels ${levelIds.join(', ')}`,
      );
    }
    result[normalized] = level;
  }
  return result;
}
