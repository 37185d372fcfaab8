import { compileFilterPredicate } from '../compileFilterPredicate';
import * as factsView from '../FactsView';
import { invalid, preview } from '../invalid';
import * as ruleValues from '../RuleNode';
import { RuleNode } from '../RuleNode';
import { inNamespace } from './inNamespace';
import { RuleOperator } from './RuleOperator';

// Local copies of hot imported bindings: tsx and jest read an imported
// binding through getters on every access (see RuleNode.ts).
const { truncate } = factsView;
const { FAIL, PASS } = ruleValues;

/**
 * `filter: predicate`: the entity matches a `@backstage/filter-predicates`
 * predicate.
 *
 * @internal
 */
export const filterOperator: RuleOperator = {
  extraKeys: [],
  compile(operand, context): RuleNode {
    const { at } = context;
    let test: (value: unknown) => boolean;
    try {
      test = compileFilterPredicate(operand);
    } catch (error) {
      return invalid(
        at,
        `not a valid filter predicate (${truncate(
          String((error as Error).message),
        )})`,
        operand,
      );
    }
    const label = truncate(preview(operand));
    context.uses('entity');
    return inNamespace('entity', (view, scratch) => {
      if (!test(view.entity())) {
        return FAIL;
      }
      scratch.evidence.push({
        kind: 'field',
        label: 'entity matches',
        value: label,
        strength: 'declared',
      });
      return PASS;
    });
  },
};
