import * as ruleValues from '../RuleNode';
import { RuleNode } from '../RuleNode';
import type { RuleOperator } from './RuleOperator';

// Local copies of hot imported bindings: tsx and jest read an imported
// binding through getters on every access (see RuleNode.ts).
const { FAIL, PASS } = ruleValues;

/**
 * `not: rule`: the rule does not hold. Keeps no evidence; an undecided rule
 * stays undecided.
 *
 * @internal
 */
export const notOperator: RuleOperator = {
  extraKeys: [],
  compile(operand, context): RuleNode {
    const child = context.compile(operand, context.at);
    return (view, scratch) => {
      const evidenceMark = scratch.evidence.length;
      const unknownMark = scratch.unknown.length;
      const result = child(view, scratch);
      if (scratch.evidence.length !== evidenceMark) {
        scratch.evidence.length = evidenceMark;
      }
      if (result === PASS) {
        if (scratch.unknown.length !== unknownMark) {
          scratch.unknown.length = unknownMark;
        }
        return FAIL;
      }
      return result === FAIL ? PASS : result;
    };
  },
};
