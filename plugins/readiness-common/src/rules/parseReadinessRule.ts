import type { ReadinessRule } from './ReadinessRule';
import { compileReadinessRule } from './compileReadinessRule';

/**
 * Options of {@link parseReadinessRule}.
 *
 * @public
 */
export interface ParseReadinessRuleOptions {
  /** Path of the value, used in error messages; default `rule`. */
  path?: string;
}

/**
 * Checks that a value is a valid declarative {@link ReadinessRule} (e.g. read
 * from YAML). Throws an `InputError` whose message starts with the path of
 * the offending part and shows the bad value, e.g.
 * `rule.anyOf[1].link.kind: unknown link condition; allowed: type, title, url, icon, got "x"`.
 *
 * @public
 */
export function parseReadinessRule(
  value: unknown,
  options?: ParseReadinessRuleOptions,
): ReadinessRule {
  compileReadinessRule(value, options?.path ?? 'rule');
  return value as ReadinessRule;
}
