import type { RuleNode } from '../RuleNode';
import { compileKeyedRule } from './compileKeyedRule';
import { VALUE_KEYS } from './compileValueCondition';
import type { RuleOperator } from './RuleOperator';

/**
 * `annotation: keys` with an optional value condition: an annotation of the entity
 * whose key matches one of the patterns (see `compileKeyedRule`).
 *
 * @internal
 */
export const annotationOperator: RuleOperator = {
  extraKeys: VALUE_KEYS,
  compile(operand, context): RuleNode {
    return compileKeyedRule('annotation', operand, context);
  },
};
