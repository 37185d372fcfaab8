import type { CheckDefinition, LevelDefinition } from '../types';
import { compileChecks, CompiledPack } from './compileCheckPack';

/**
 * The shape of a check pack as the engine reads it (see `CheckPack`).
 *
 * @internal
 */
export interface PackLike {
  levels: LevelDefinition[];
  categories: string[];
  checks: CheckDefinition[];
}

const cache = new WeakMap<object, CompiledPack>();

/**
 * Remembers the compiled form of a pack (done by `createCheckPack`).
 *
 * @internal
 */
export function rememberCompiledPack(pack: PackLike, compiled: CompiledPack) {
  cache.set(pack, compiled);
}

/**
 * The compiled form of a pack: from the cache, or compiled now (leniently:
 * a malformed check evaluates to `unknown` instead of throwing). Never throws.
 *
 * @internal
 */
export function getCompiledPack(pack: PackLike): CompiledPack {
  const cached = cache.get(pack);
  if (
    cached &&
    cached.checksSource === pack.checks &&
    cached.levelsSource === pack.levels
  ) {
    return cached;
  }
  const checks = Array.isArray(pack.checks) ? pack.checks : [];
  const levels = Array.isArray(pack.levels)
    ? pack.levels.filter(
        (level): level is LevelDefinition =>
          typeof level === 'object' &&
          level !== null &&
          typeof level.id === 'string',
      )
    : [];
  const compiled = compileChecks(checks, levels, {
    strict: false,
    pathOf: index => `checks[${index}]`,
    categories: Array.isArray(pack.categories) ? pack.categories : undefined,
  });
  // Keep the identity checks of the cache tied to the pack's own arrays.
  const entry = {
    ...compiled,
    checksSource: pack.checks,
    levelsSource: pack.levels,
  };
  if (typeof pack === 'object' && pack !== null) {
    cache.set(pack, entry);
  }
  return entry;
}
