import { invalid } from '../invalid';
import * as factsView from '../FactsView';
import * as ruleValues from '../RuleNode';
import { RuleNode } from '../RuleNode';
import type { RuleOperator } from './RuleOperator';

// Local copies of hot imported bindings: tsx and jest read an imported
// binding through getters on every access (see RuleNode.ts).
const { NS_OK } = factsView;
const { FAIL, UNKNOWN } = ruleValues;

/**
 * `needsFacts: namespace, reason: text`: what the rest of an `allOf` found
 * can only be decided with that namespace's facts. Without them (the
 * namespace is not `ok`) it is undecided, with the reason and the
 * namespace's problem; with them it does not hold (the other branches of
 * the rule, which read those facts, decide). E.g. a repository pointer
 * alone says where code lives, not that CI builds it:
 * `allOf: [{ annotation: github.com/project-slug }, { needsFacts: repository,
 * reason: … }]`.
 *
 * @internal
 */
export const needsFactsOperator: RuleOperator = {
  extraKeys: ['reason'],
  compile(operand, context): RuleNode {
    const { at, path, rule } = context;
    if (typeof operand !== 'string' || !/^[^.\s]+$/.test(operand)) {
      return invalid(
        at,
        'expected a fact namespace such as repository',
        operand,
      );
    }
    const reason = rule.reason;
    if (typeof reason !== 'string' || !reason.trim()) {
      return invalid(`${path}.reason`, 'expected the reason to give', reason);
    }
    const namespace = operand;
    context.uses(namespace);
    return (view, scratch) => {
      if (view.state(namespace) === NS_OK) {
        return FAIL;
      }
      scratch.notes.push(`${reason} (${view.problem(namespace, true)})`);
      return UNKNOWN;
    };
  },
};
