import * as entityTier from '../../entity/readEntityTier';
import * as factsView from '../FactsView';
import * as ruleValues from '../RuleNode';
import { RuleNode } from '../RuleNode';
import { inNamespace } from './inNamespace';
import { readStringList } from './readStringList';
import { RuleOperator } from './RuleOperator';

// Local copies of hot imported bindings: tsx and jest read an imported
// binding through getters on every access (see RuleNode.ts).
const { findPlaceholderTier, normalizeTier } = entityTier;
const { truncate } = factsView;
const { FAIL, PASS } = ruleValues;

/**
 * `tier: true | tiers`: the entity has a tier (from its annotations,
 * labels or tags; see `readEntityTier`), one of the given ones if any.
 *
 * @internal
 */
export const tierOperator: RuleOperator = {
  extraKeys: [],
  compile(operand, context): RuleNode {
    const { at } = context;
    let accepted: Set<string> | undefined;
    if (operand !== true) {
      const list = readStringList(operand, at, 'true or a tier such as tier-1');
      accepted = new Set(list.map(tier => normalizeTier(tier) ?? tier));
    }
    context.uses('entity');
    return inNamespace('entity', (view, scratch) => {
      const found = view.tier();
      if (!found) {
        const placeholder = findPlaceholderTier(view.metadata());
        if (placeholder) {
          scratch.notes.push(
            `placeholder value: tier ${truncate(placeholder)}`,
          );
        }
        return FAIL;
      }
      if (accepted && !accepted.has(found.tier)) {
        return FAIL;
      }
      scratch.evidence.push({ ...found.evidence, strength: 'declared' });
      return PASS;
    });
  },
};
