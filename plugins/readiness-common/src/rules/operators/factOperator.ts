import * as factsView from '../FactsView';
import { invalid } from '../invalid';
import * as safeUrl from '../isSafeUrl';
import * as ruleValues from '../RuleNode';
import { RuleNode } from '../RuleNode';
import { compileValueCondition, VALUE_KEYS } from './compileValueCondition';
import { inNamespace } from './inNamespace';
import * as lookup from './lookupPath';
import { PUSHED_NAMESPACE } from '../../types/facts';
import { readPushedFact } from './readPushedFact';
import { RuleOperator } from './RuleOperator';
import { unsafeLinkNote } from './unsafeLinkNote';

// Local copies of hot imported bindings: tsx and jest read an imported
// binding through getters on every access (see RuleNode.ts).
const { valueEvidence } = factsView;
const { isUnsafeLink } = safeUrl;
const { FAIL, PASS, UNKNOWN } = ruleValues;
const { lookupPath } = lookup;

/**
 * `fact: '<namespace>.<path>'` with an optional value condition: any value
 * of any fact namespace. A value that is an unsafe link never counts. In the
 * `pushed` namespace the path starts with the fact key, and a stale pushed
 * fact leaves the rule undecided ("stale since …").
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
    const pushed = namespace === PUSHED_NAMESPACE;
    // Repository files, live metrics and facts measured in CI and pushed
    // were seen; the rest was written down.
    const strength =
      pushed || namespace === 'repository' || namespace === 'metrics'
        ? 'observed'
        : 'declared';
    return inNamespace(namespace, (view, scratch) => {
      let value: unknown;
      if (pushed) {
        const reading = readPushedFact(view, namespace, segments);
        if (reading.stale) {
          scratch.notes.push(reading.note);
          return UNKNOWN;
        }
        value = reading.value;
      } else {
        value = lookupPath(view.data(namespace), segments, 1);
      }
      if (!condition(value)) {
        return FAIL;
      }
      if (isUnsafeLink(value)) {
        scratch.notes.push(unsafeLinkNote(`fact ${operand}`));
        return FAIL;
      }
      if (value !== undefined && value !== null) {
        scratch.evidence.push(valueEvidence('field', operand, value, strength));
      }
      return PASS;
    });
  },
};
