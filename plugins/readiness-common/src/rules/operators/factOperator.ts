import * as factsView from '../FactsView';
import { invalid } from '../invalid';
import * as safeUrl from '../isSafeUrl';
import * as ruleValues from '../RuleNode';
import { RuleNode } from '../RuleNode';
import { compileValueCondition, VALUE_KEYS } from './compileValueCondition';
import { inNamespace } from './inNamespace';
import * as lookup from './lookupPath';
import { RuleOperator } from './RuleOperator';
import { unsafeLinkNote } from './unsafeLinkNote';

// Local copies of hot imported bindings: tsx and jest read an imported
// binding through getters on every access (see RuleNode.ts).
const { valueEvidence } = factsView;
const { isUnsafeLink } = safeUrl;
const { FAIL, PASS } = ruleValues;
const { lookupPath } = lookup;

/**
 * `fact: '<namespace>.<path>'` with an optional value condition: any value
 * of any fact namespace. A value that is an unsafe link never counts.
 *
 * @internal
 */
export const factOperator: RuleOperator = {
  extraKeys: VALUE_KEYS,
  compile(operand, context): RuleNode {
    const { at, path, rule } = context;
    if (typeof operand !== 'string' || !/^[^.\s]+(\.[^.]+)*$/.test(operand)) {
      return invalid(
        at,
        'expected <namespace>.<path>, e.g. owner.resolved',
        operand,
      );
    }
    const segments = operand.split('.');
    const namespace = segments[0];
    const condition = compileValueCondition(rule, path, false);
    context.uses(namespace);
    return inNamespace(namespace, (view, scratch) => {
      const value = lookupPath(view.data(namespace), segments, 1);
      if (!condition(value)) {
        return FAIL;
      }
      if (isUnsafeLink(value)) {
        scratch.notes.push(unsafeLinkNote(`fact ${operand}`));
        return FAIL;
      }
      if (value !== undefined && value !== null) {
        scratch.evidence.push(valueEvidence('field', operand, value));
      }
      return PASS;
    });
  },
};
