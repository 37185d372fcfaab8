import type { Evidence } from '../../types';
import * as factsView from '../FactsView';
import { invalid } from '../invalid';
import * as ruleValues from '../RuleNode';
import { RuleNode } from '../RuleNode';
import { isPlaceholder } from '../isPlaceholder';
import { inNamespace } from './inNamespace';
import { readStringList } from './readStringList';
import { RuleOperator } from './RuleOperator';

// Local copies of hot imported bindings: tsx and jest read an imported
// binding through getters on every access (see RuleNode.ts).
const { evidenceValue, isRecord, truncate } = factsView;
const { FAIL, PASS } = ruleValues;

/** Owner names that catch what nobody owns, beside `isPlaceholder`'s words. */
const PLACEHOLDER_OWNERS: ReadonlySet<string> = new Set([
  'unowned',
  'nobody',
  'no-owner',
  'noowner',
  'orphan',
  'orphaned',
  'default-owner',
  'owner',
]);

/**
 * The owner ref when its name is a placeholder (`group:x/unspecified`,
 * `group:default/unknown`, `user:default/none`), else an empty string.
 */
function placeholderOwner(ref: unknown): string {
  if (typeof ref !== 'string') {
    return '';
  }
  const name = ref.slice(Math.max(ref.lastIndexOf('/'), ref.indexOf(':')) + 1);
  return isPlaceholder(name) || PLACEHOLDER_OWNERS.has(name.toLowerCase())
    ? ref
    : '';
}

/**
 * `owner: { resolved?, kind? }`: the owner resolves (or not) to an entity of
 * the given kinds. An owner named as a placeholder (`unspecified`,
 * `unknown`, `unowned`…) does not count as resolved: it leaves a note.
 *
 * @internal
 */
export const ownerOperator: RuleOperator = {
  extraKeys: [],
  compile(operand, context): RuleNode {
    const { at } = context;
    if (!isRecord(operand)) {
      return invalid(at, 'expected { resolved?, kind? }', operand);
    }
    for (const key of Object.keys(operand)) {
      if (key !== 'resolved' && key !== 'kind') {
        invalid(
          `${at}.${key}`,
          'unknown owner condition; allowed: resolved, kind',
          operand[key],
        );
      }
    }
    if (
      operand.resolved !== undefined &&
      typeof operand.resolved !== 'boolean'
    ) {
      return invalid(
        `${at}.resolved`,
        'expected true or false',
        operand.resolved,
      );
    }
    const resolved = operand.resolved ?? true;
    const kinds =
      operand.kind === undefined
        ? undefined
        : new Set(
            readStringList(operand.kind, `${at}.kind`, 'an entity kind').map(
              k => k.toLowerCase(),
            ),
          );
    context.uses('owner');
    return inNamespace('owner', (view, scratch) => {
      const owner = view.owner();
      if (!owner || (owner.resolved === true) !== resolved) {
        return FAIL;
      }
      const placeholder = resolved ? placeholderOwner(owner.ownerRef) : '';
      if (placeholder) {
        scratch.notes.push(
          `placeholder owner: "${truncate(
            placeholder,
          )}" is not a real team (a catch-all name nobody answers to)`,
        );
        return FAIL;
      }
      if (
        kinds &&
        !(typeof owner.kind === 'string' && kinds.has(owner.kind.toLowerCase()))
      ) {
        return FAIL;
      }
      const ref = evidenceValue(owner.ownerRef);
      const evidence: Evidence = {
        kind: 'relation',
        label: 'owner',
        strength: 'declared',
      };
      if (ref !== undefined) {
        evidence.value =
          typeof owner.kind === 'string'
            ? `${ref} (${truncate(owner.kind)})`
            : ref;
      }
      scratch.evidence.push(evidence);
      return PASS;
    });
  },
};
