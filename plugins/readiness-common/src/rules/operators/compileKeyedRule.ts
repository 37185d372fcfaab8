import * as factsView from '../FactsView';
import { compileGlobSet, hasWildcard } from '../glob';
import * as safeUrl from '../isSafeUrl';
import * as ruleValues from '../RuleNode';
import { RuleNode } from '../RuleNode';
import { compileValueCondition, VALUE_KEYS } from './compileValueCondition';
import * as placeholders from '../isPlaceholder';
import { placeholderNote } from './placeholderNote';
import { inNamespace } from './inNamespace';
import { readStringList } from './readStringList';
import * as ruleOperator from './RuleOperator';
import { RuleCompileContext } from './RuleOperator';
import { unsafeLinkNote } from './unsafeLinkNote';

// Local copies of hot imported bindings: tsx and jest read an imported
// binding through getters on every access (see RuleNode.ts).
const { truncate, valueEvidence } = factsView;
const { isUnsafeLink } = safeUrl;
const { FAIL, PASS } = ruleValues;
const { idPlaceholderKind } = placeholders;
const { MAX_LEAF_EVIDENCE } = ruleOperator;

/**
 * Compiles an `annotation` or `label` rule: a key of the entity matching
 * one of the patterns whose value meets the condition (non-empty when none
 * is given). A value that is an unsafe link never counts, nor, without a
 * condition, a placeholder (`TODO`, `-`, `{{ x }}`, `missing`, a boolean…;
 * see `idPlaceholderKind`).
 *
 * @internal
 */
export function compileKeyedRule(
  kind: 'annotation' | 'label',
  operand: unknown,
  context: RuleCompileContext,
): RuleNode {
  const { at, path, rule } = context;
  const keys = readStringList(operand, at, `an ${kind} key`);
  const set = compileGlobSet(keys, false);
  const exact = new Set(keys.filter(key => !hasWildcard(key)));
  const wildcards = set.hasWildcards;
  const condition = compileValueCondition(rule, path, true);
  // Without a condition the value must be a real one, not a placeholder.
  const plain = !VALUE_KEYS.some(key => rule[key] !== undefined);
  context.uses('entity');
  // Walk the entity's keys (a handful) rather than look every pattern up.
  return inNamespace('entity', (view, scratch) => {
    const map = kind === 'annotation' ? view.annotations() : view.labels();
    if (!map) {
      return FAIL;
    }
    const mapKeys =
      kind === 'annotation' ? view.annotationKeys() : Object.keys(map);
    let found = 0;
    for (let i = 0; i < mapKeys.length; i++) {
      const key = mapKeys[i];
      if (!exact.has(key) && !(wildcards && set.test(key))) {
        continue;
      }
      const value = map[key];
      if (condition(value)) {
        if (isUnsafeLink(value)) {
          scratch.notes.push(unsafeLinkNote(`${kind} ${truncate(key)}`));
          continue;
        }
        const placeholder = plain ? idPlaceholderKind(value, key) : undefined;
        if (placeholder !== undefined) {
          scratch.notes.push(
            placeholderNote(
              `${kind} ${truncate(key)}`,
              String(value),
              placeholder,
            ),
          );
          continue;
        }
        scratch.evidence.push(valueEvidence(kind, key, value));
        found += 1;
        if (found >= MAX_LEAF_EVIDENCE) {
          break;
        }
      }
    }
    return found > 0 ? PASS : FAIL;
  });
}
