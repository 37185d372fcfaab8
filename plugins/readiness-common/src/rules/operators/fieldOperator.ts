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
import * as placeholder from '../isPlaceholder';
import { placeholderNote } from './placeholderNote';

// Local copies of hot imported bindings: tsx and jest read an imported
// binding through getters on every access (see RuleNode.ts).
const { truncate, valueEvidence } = factsView;
const { isUnsafeLink } = safeUrl;
const { FAIL, PASS } = ruleValues;
const { lookupPath } = lookup;
const { isPlaceholder } = placeholder;

/** Fields that hold an entity reference, with the kinds they may name. */
const REFERENCE_FIELDS: Record<string, readonly string[]> = {
  'spec.system': ['system'],
  'spec.domain': ['domain'],
  'spec.owner': ['group', 'user'],
  'spec.subcomponentOf': ['component'],
};

/** `[kind:][namespace/]name` as the catalog accepts it. */
const ENTITY_REF =
  /^(?:([a-z0-9][a-z0-9_.-]*):)?(?:[a-z0-9][a-z0-9_.-]*\/)?[a-z0-9]([a-z0-9_.-]{0,61}[a-z0-9])?$/i;

/** Why a reference is invalid, or undefined when it is valid. */
function referenceProblem(
  value: string,
  kinds: readonly string[],
): string | undefined {
  const match = ENTITY_REF.exec(value.trim());
  if (!match) {
    return 'is not an entity reference';
  }
  const kind = match[1]?.toLowerCase();
  if (kind !== undefined && !kinds.includes(kind)) {
    return `names a ${kind}, not a ${kinds.join(' or ')}`;
  }
  return undefined;
}

/**
 * `field: 'spec.system'` with an optional value condition: a field of the
 * entity. A value that is an unsafe link never counts; without a condition,
 * neither does a placeholder (`TODO`, `-`, `{{ x }}`…, see `isPlaceholder`)
 * nor, in `spec.system`, `spec.domain`, `spec.owner` and
 * `spec.subcomponentOf`, an invalid reference (`public website`,
 * `group:x` for a system). Each leaves a note for the reason.
 *
 * @internal
 */
export const fieldOperator: RuleOperator = {
  extraKeys: VALUE_KEYS,
  compile(operand, context): RuleNode {
    const { at, path, rule } = context;
    if (typeof operand !== 'string' || !operand.trim()) {
      return invalid(
        at,
        'expected a dot-separated field path such as spec.system',
        operand,
      );
    }
    const segments = operand.split('.');
    const condition = compileValueCondition(rule, path, false);
    // Without a condition, the field must hold a real value: not a
    // placeholder and, for a reference field, a valid reference.
    const plain = !VALUE_KEYS.some(key => rule[key] !== undefined);
    const referenceKinds = plain ? REFERENCE_FIELDS[operand] : undefined;
    context.uses('entity');
    return inNamespace('entity', (view, scratch) => {
      const value = lookupPath(view.entity(), segments, 0);
      if (!condition(value)) {
        return FAIL;
      }
      if (isUnsafeLink(value)) {
        scratch.notes.push(unsafeLinkNote(`field ${operand}`));
        return FAIL;
      }
      if (plain && typeof value === 'string') {
        if (isPlaceholder(value)) {
          scratch.notes.push(placeholderNote(`field ${operand}`, value));
          return FAIL;
        }
        const problem = referenceKinds
          ? referenceProblem(value, referenceKinds)
          : undefined;
        if (problem) {
          scratch.notes.push(
            `invalid reference: field ${operand} "${truncate(
              value,
            )}" ${problem}`,
          );
          return FAIL;
        }
      }
      if (value !== undefined && value !== null) {
        scratch.evidence.push(valueEvidence('field', operand, value));
      }
      return PASS;
    });
  },
};
