import { invalid } from '../invalid';
import type { RuleNode } from '../RuleNode';
import type { RuleCompileContext } from './RuleOperator';

/**
 * Compiles the operand of a combinator: a non-empty list of rules.
 *
 * @internal
 */
export function compileChildren(
  operand: unknown,
  context: RuleCompileContext,
): RuleNode[] {
  if (!Array.isArray(operand) || operand.length === 0) {
    return invalid(context.at, 'expected a non-empty list of rules', operand);
  }
  return operand.map((child, i) =>
    context.compile(child, `${context.at}[${i}]`),
  );
}
