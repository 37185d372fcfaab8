import {
  findPlaceholderTier,
  normalizeTier,
} from '../../entity/readEntityTier';
import { truncate } from '../FactsView';
import { FAIL, PASS, RuleNode } from '../RuleNode';
import { inNamespace } from './inNamespace';
import { readStringList } from './readStringList';
import { RuleOperator } from './RuleOperator';

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
