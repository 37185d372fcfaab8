import { CheckDefinition, DEFAULT_CATEGORIES, LevelDefinition } from '../types';
import { compileChecks } from '../engine/compileChecks';
import { invalid } from '../rules/invalid';
import { isRecord } from '../rules/FactsView';
import { defaultChecks } from './defaultChecks';
import { defaultLevels } from './defaultLevels';

/**
 * A validated set of checks with their levels. Create one with
 * {@link createCheckPack} or `readCheckPackFromConfig`; treat it as
 * immutable (its arrays are frozen). The engine evaluates its compiled form:
 * see `compileCheckPack`.
 *
 * @public
 */
export interface CheckPack {
  /** Levels, lowest first. */
  levels: LevelDefinition[];
  /** Categories that have checks, the default six first in their order. */
  categories: string[];
  /** The checks, validated, each with a unique id. */
  checks: CheckDefinition[];
}

/**
 * Options of {@link createCheckPack}.
 *
 * @public
 */
export interface CreateCheckPackOptions {
  /** The checks; defaults to {@link defaultChecks}. */
  checks?: CheckDefinition[];
  /** The levels, lowest first; defaults to bronze, silver, gold. */
  levels?: LevelDefinition[];
}

const LEVEL_ID = /^[a-z0-9][a-z0-9_-]*$/i;

/**
 * Validates level definitions; throws an `InputError` naming `path`.
 *
 * @internal
 */
export function validateLevels(
  levels: unknown,
  path: string,
): LevelDefinition[] {
  if (!Array.isArray(levels) || levels.length === 0) {
    return invalid(
      path,
      'expected a non-empty list of levels, lowest first',
      levels,
    );
  }
  const seen = new Set<string>();
  return levels.map((level, i) => {
    const at = `${path}[${i}]`;
    if (!isRecord(level)) {
      return invalid(at, 'expected { id, title, color? }', level);
    }
    if (typeof level.id !== 'string' || !LEVEL_ID.test(level.id)) {
      return invalid(
        `${at}.id`,
        'expected a level id of letters, digits, - and _',
        level.id,
      );
    }
    if (seen.has(level.id)) {
      return invalid(`${at}.id`, 'duplicate level id', level.id);
    }
    seen.add(level.id);
    if (typeof level.title !== 'string' || !level.title.trim()) {
      return invalid(`${at}.title`, 'expected a title', level.title);
    }
    if (level.color !== undefined && typeof level.color !== 'string') {
      return invalid(`${at}.color`, 'expected a CSS colour', level.color);
    }
    const result: LevelDefinition = { id: level.id, title: level.title };
    if (level.color !== undefined) {
      result.color = level.color;
    }
    return result;
  });
}

/**
 * The categories of a list of checks: the default six that have checks, in
 * their order, then any others in order of first use.
 *
 * @internal
 */
export function categoriesOf(checks: readonly CheckDefinition[]): string[] {
  const used: string[] = [];
  for (const check of checks) {
    const category = isRecord(check) ? check.category : undefined;
    if (typeof category === 'string' && !used.includes(category)) {
      used.push(category);
    }
  }
  const categories: string[] = DEFAULT_CATEGORIES.filter(c => used.includes(c));
  for (const category of used) {
    if (!categories.includes(category)) {
      categories.push(category);
    }
  }
  return categories;
}

/**
 * Validates checks and levels and builds a {@link CheckPack} (compile it
 * with `compileCheckPack` to evaluate it; this has no side effect). Throws an `InputError` naming the offending check
 * (e.g. `checks[3].rule.anyOf[0]: unknown rule; …`) on duplicate ids, an
 * unknown level, a malformed rule or `appliesTo`.
 *
 * @public
 */
export function createCheckPack(
  options: CreateCheckPackOptions = {},
): CheckPack {
  const levels = validateLevels(options.levels ?? defaultLevels, 'levels');
  const source = options.checks ?? defaultChecks;
  if (!Array.isArray(source)) {
    return invalid('checks', 'expected a list of checks', source);
  }
  const checks = [...source];
  const categories = categoriesOf(checks);
  compileChecks(checks, levels, {
    strict: true,
    pathOf: index => `checks[${index}]`,
    categories,
  });
  const pack: CheckPack = Object.freeze({
    levels: Object.freeze(levels) as LevelDefinition[],
    categories: Object.freeze(categories) as string[],
    checks: Object.freeze(checks) as CheckDefinition[],
  });
  return pack;
}
