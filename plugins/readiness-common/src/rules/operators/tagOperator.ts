import * as factsView from '../FactsView';
import * as ruleValues from '../RuleNode';
import { RuleNode } from '../RuleNode';
import { inNamespace } from './inNamespace';
import { readGlobSet } from './readStringList';
import * as ruleOperator from './RuleOperator';
import { RuleOperator } from './RuleOperator';

// Local copies of hot imported bindings: tsx and jest read an imported
// binding through getters on every access (see RuleNode.ts).
const { truncate } = factsView;
const { FAIL, PASS } = ruleValues;
const { MAX_LEAF_EVIDENCE } = ruleOperator;

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
