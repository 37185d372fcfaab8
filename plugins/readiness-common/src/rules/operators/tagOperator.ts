import { truncate } from '../FactsView';
import { FAIL, PASS, RuleNode } from '../RuleNode';
import { inNamespace } from './inNamespace';
import { readGlobSet } from './readStringList';
import { MAX_LEAF_EVIDENCE, RuleOperator } from './RuleOperator';

/**
 * `tag: globs`: a tag of the entity matches.
 *
 * @internal
 */
export const tagOperator: RuleOperator = {
  extraKeys: [],
  compile(operand, context): RuleNode {
    const { at } = context;
    const set = readGlobSet(operand, at, false);
    context.uses('entity');
    return inNamespace('entity', (view, scratch) => {
      const tags = view.tags();
      let found = 0;
      for (let i = 0; i < tags.length && found < MAX_LEAF_EVIDENCE; i++) {
        const tag = tags[i];
        if (typeof tag === 'string' && set.test(tag)) {
          scratch.evidence.push({
            kind: 'tag',
            label: truncate(tag),
            strength: 'declared',
          });
          found += 1;
        }
      }
      return found > 0 ? PASS : FAIL;
    });
  },
};
