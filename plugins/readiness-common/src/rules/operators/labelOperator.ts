import type { RuleNode } from '../RuleNode';
import { compileKeyedRule } from './compileKeyedRule';
import { VALUE_KEYS } from './compileValueCondition';
import type { RuleOperator } from './RuleOperator';

/**
 * `label: keys` with an optional value condition: an label of the entity
 * whose key matches one of the patterns (see `compileKeyedRule`).
 *
 * @internal
 */
export const labelOperator: RuleOperator = {
  extraKeys: VALUE_KEYS,
  compile(operand, context): RuleNode {
    return compileKeyedRule('label', operand, context);
  },
};
