import type { RuleNode } from '../RuleNode';

/**
 * What an operator is given to compile its part of a rule.
 *
 * @internal
 */
export interface RuleCompileContext {
  /** The whole rule object, e.g. `{ annotation: 'x', equals: 'y' }`. */
  readonly rule: Record<string, unknown>;
  /** Where the rule object is, for errors about its extra keys. */
  readonly path: string;
  /** Where the operand is: `<path>.<operator>`. */
  readonly at: string;
  /** Compiles a nested rule (for the combinators). */
  compile(rule: unknown, path: string): RuleNode;
  /** Records that the rule reads a fact namespace. */
  uses(namespace: string): void;
}

/**
 * One operator of the rule language: validates its operand (throwing an
 * `InputError` through `invalid` with the path) and compiles it into a
 * {@link RuleNode}. Registered by name in `compileReadinessRule`.
 *
 * @internal
 */
export interface RuleOperator {
  /** Keys the rule object may have beside the operator's own. */
  readonly extraKeys: readonly string[];
  compile(operand: unknown, context: RuleCompileContext): RuleNode;
}

/** Evidence items kept per rule leaf (e.g. at most 3 matching files). */
export const MAX_LEAF_EVIDENCE = 3;
