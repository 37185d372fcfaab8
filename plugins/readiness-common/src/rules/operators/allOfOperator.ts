import * as ruleValues from '../RuleNode';
import { RuleNode } from '../RuleNode';
import { compileChildren } from './compileChildren';
import type { RuleOperator } from './RuleOperator';

// Local copies of hot imported bindings: tsx and jest read an imported
// binding through getters on every access (see RuleNode.ts).
const { ABSENT, FAIL, PASS, UNKNOWN } = ruleValues;

/**
 * `allOf: [rules]`: every rule holds. A failing child fails it (and drops
 * the evidence gathered so far); otherwise an undecided child leaves it
 * undecided, without evidence.
 *
 * @internal
 */
export const allOfOperator: RuleOperator = {
  extraKeys: [],
  compile(operand, context): RuleNode {
    const children = compileChildren(operand, context);
    return (view, scratch) => {
      const evidenceMark = scratch.evidence.length;
      const unknownMark = scratch.unknown.length;
      let hard = false;
      let soft = false;
      for (let i = 0; i < children.length; i++) {
        const result = children[i](view, scratch);
        if (result === FAIL) {
          if (scratch.evidence.length !== evidenceMark) {
            scratch.evidence.length = evidenceMark;
          }
          if (scratch.unknown.length !== unknownMark) {
            scratch.unknown.length = unknownMark;
          }
          return FAIL;
        }
        if (result === UNKNOWN) {
          hard = true;
        } else if (result === ABSENT) {
          soft = true;
        }
      }
      if (hard || soft) {
        if (scratch.evidence.length !== evidenceMark) {
          scratch.evidence.length = evidenceMark;
        }
        return hard ? UNKNOWN : ABSENT;
      }
      return PASS;
    };
  },
};
