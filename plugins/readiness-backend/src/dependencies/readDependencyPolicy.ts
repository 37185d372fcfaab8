import type { ReadinessBackendConfig } from '../config';
import type { PackIndex } from '../pack/PackIndex';
import type { DependencyPolicy } from './DependencyFactProvider';

/**
 * The dependency policy of `readiness.dependencies`, its level ids checked
 * against the pack: an unknown level is an InputError naming the key.
 *
 * @internal
 */
export function readDependencyPolicy(
  settings: ReadinessBackendConfig['dependencies'],
  pack: PackIndex,
): DependencyPolicy {
  pack.requireLevelRank(
    'readiness.dependencies.minimumLevel',
    settings.minimumLevel,
  );
  for (const [tier, level] of Object.entries(settings.minimumLevelByTier)) {
    pack.requireLevelRank(
      `readiness.dependencies.minimumLevelByTier.${tier}`,
      level,
    );
  }
  return {
    minimumLevel: settings.minimumLevel,
    minimumLevelByTier: settings.minimumLevelByTier,
  };
}
