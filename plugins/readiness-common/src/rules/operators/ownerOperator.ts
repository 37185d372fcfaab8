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
const { FAIL, PASS, UNKNOWN } = ruleValues;

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

/** Whether the owner facts list a way to reach the owner. */
function hasContact(owner: Record<string, unknown>): boolean {
  if (Array.isArray(owner.contacts) && owner.contacts.length > 0) {
    return true;
  }
  if (typeof owner.email === 'string' && /\S/.test(owner.email)) {
    return true;
  }
  return (
    Array.isArray(owner.members) &&
    owner.members.some(
      m => isRecord(m) && typeof m.email === 'string' && /\S/.test(m.email),
    )
  );
}

/**
 * The note on an owner that owns an implausible share of the catalog and
 * lists no contact, or an empty string.
 */
function catchAllNote(owner: Record<string, unknown>): string {
  const share = owner.share;
  if (
    !isRecord(share) ||
    share.implausible !== true ||
    typeof share.owned !== 'number' ||
    typeof share.total !== 'number' ||
    share.total <= 0 ||
    hasContact(owner)
  ) {
    return '';
  }
  const ref =
    typeof owner.ownerRef === 'string' ? truncate(owner.ownerRef) : 'owner';
  const percent = Math.round((share.owned / share.total) * 100);
  return `catch-all owner: ${ref} owns ${share.owned} of ${share.total} catalog entities (${percent} %) and lists no contact (no email, chat, on-call or member email), so nothing shows it is a team that answers for them`;
}

/**
 * `owner: { resolved?, kind? }`: the owner resolves (or not) to an entity of
 * the given kinds. An owner named as a placeholder (`unspecified`,
 * `unknown`, `unowned`…) does not count as resolved: it leaves a note.
 * A resolved owner that owns an implausible share of the catalog
 * (`share.implausible`, see `judgeOwnerShare`) and lists no contact is
 * undecided ({@link UNKNOWN}) with a note saying so: nothing shows it is
 * a team rather than a catch-all.
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
      const catchAll = resolved ? catchAllNote(owner) : '';
      if (placeholder) {
        scratch.notes.push(
          `placeholder owner: "${truncate(
            placeholder,
          )}" is not a real team (a catch-all name nobody answers to)`,
        );
        if (catchAll) {
          scratch.notes.push(catchAll);
        }
        return FAIL;
      }
      if (
        kinds &&
        !(typeof owner.kind === 'string' && kinds.has(owner.kind.toLowerCase()))
      ) {
        return FAIL;
      }
      if (catchAll) {
        scratch.notes.push(catchAll);
        return UNKNOWN;
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
