import * as ruleValues from '../RuleNode';
import { RuleNode } from '../RuleNode';
import { compileChildren } from './compileChildren';
import type { RuleOperator } from './RuleOperator';

// Local copies of hot imported bindings: tsx and jest read an imported
// binding through getters on every access (see RuleNode.ts).
const { ABSENT, FAIL, PASS, UNKNOWN } = ruleValues;

/**
 * `anyOf: [rules]`: at least one rule holds. Every child is evaluated, so
 * the evidence of every passing branch is kept; when none passes, an
 * unavailable namespace makes it unknown before a missing one.
 *
 * @internal
 */
export const anyOfOperator: RuleOperator = {
  extraKeys: [],
  compile(operand, context): RuleNode {
    const children = compileChildren(operand, context);
    return (view, scratch) => {
      const unknownMark = scratch.unknown.length;
      let passed = false;
      let hard = false;
      let soft = false;
      for (let i = 0; i < children.length; i++) {
        const result = children[i](view, scratch);
        if (result === PASS) {
          passed = true;
        } else if (result === UNKNOWN) {
          hard = true;
        } else if (result === ABSENT) {
          soft = true;
        }
      }
      if (passed) {
        if (scratch.unknown.length !== unknownMark) {
          scratch.unknown.length = unknownMark;
        }
        return PASS;
      }
      if (hard) {
        return UNKNOWN;
      }
      return soft ? ABSENT : FAIL;
    };
  },
};
