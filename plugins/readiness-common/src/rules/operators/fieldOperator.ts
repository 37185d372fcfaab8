import { valueEvidence } from '../FactsView';
import { invalid } from '../invalid';
import { isUnsafeLink } from '../isSafeUrl';
import { FAIL, PASS, RuleNode } from '../RuleNode';
import { compileValueCondition, VALUE_KEYS } from './compileValueCondition';
import { inNamespace } from './inNamespace';
import { lookupPath } from './lookupPath';
import { RuleOperator } from './RuleOperator';
import { unsafeLinkNote } from './unsafeLinkNote';

/**
 * `field: 'spec.system'` with an optional value condition: a field of the
 * entity. A value that is an unsafe link never counts.
 *
 * @internal
 */
export const fieldOperator: RuleOperator = {
  extraKeys: VALUE_KEYS,
  compile(operand, context): RuleNode {
    const { at, path, rule } = context;
    if (typeof operand !== 'string' || !operand.trim()) {
      return invalid(
        at,
        'expected a dot-separated field path such as spec.system',
        operand,
      );
    }
    const segments = operand.split('.');
    const condition = compileValueCondition(rule, path, false);
    context.uses('entity');
    return inNamespace('entity', (view, scratch) => {
      const value = lookupPath(view.entity(), segments, 0);
      if (!condition(value)) {
        return FAIL;
      }
      if (isUnsafeLink(value)) {
        scratch.notes.push(unsafeLinkNote(`field ${operand}`));
        return FAIL;
      }
      if (value !== undefined && value !== null) {
        scratch.evidence.push(valueEvidence('field', operand, value));
      }
      return PASS;
    });
  },
};
