import { compileFilterPredicate } from '../compileFilterPredicate';
import { truncate } from '../FactsView';
import { invalid, preview } from '../invalid';
import { FAIL, PASS, RuleNode } from '../RuleNode';
import { inNamespace } from './inNamespace';
import { RuleOperator } from './RuleOperator';

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
