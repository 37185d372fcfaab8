import type { Evidence } from '../../types';
import * as factsView from '../FactsView';
import { invalid } from '../invalid';
import * as safeUrl from '../isSafeUrl';
import * as ruleValues from '../RuleNode';
import { RuleNode } from '../RuleNode';
import { inNamespace } from './inNamespace';
import { readStringList } from './readStringList';
import * as ruleOperator from './RuleOperator';
import { RuleOperator } from './RuleOperator';
import { unsafeLinkNote } from './unsafeLinkNote';

// Local copies of hot imported bindings: tsx and jest read an imported
// binding through getters on every access (see RuleNode.ts).
const { isRecord, truncate } = factsView;
const { hasInvisible, isSafeUrl, MAX_URL_LENGTH } = safeUrl;
const { FAIL, PASS } = ruleValues;
const { MAX_LEAF_EVIDENCE } = ruleOperator;

const MAILTO = { mailto: true };

/**
 * The `mailto:` URL of an address, when `isSafeUrl` would accept it (the
 * address is checked alone, which is cheaper than checking the joined URL).
 */
function mailtoOf(email: string): string | undefined {
  if (
    email.length + 7 > MAX_URL_LENGTH ||
    email[0] === '/' ||
    email[0] === '\\' ||
    hasInvisible(email)
  ) {
    return undefined;
  }
  return `mailto:${email}`;
}

const OWNER_CONTACT_TYPES: ReadonlySet<string> = new Set([
  'email',
  'chat',
  'oncall',
  'url',
  'member-email',
]);

/**
 * `ownerContact: types`: the owning group can be reached by one of the
 * contact types. A contact whose URL `isSafeUrl` rejects (mailto: allowed)
 * never counts; it leaves an "unsafe link scheme" note.
 *
 * @internal
 */
export const ownerContactOperator: RuleOperator = {
  extraKeys: [],
  compile(operand, context): RuleNode {
    const { at } = context;
    const types = new Set(
      readStringList(operand, at, 'a contact type').map((type, i) =>
        OWNER_CONTACT_TYPES.has(type)
          ? type
          : invalid(
              Array.isArray(operand) ? `${at}[${i}]` : at,
              `unknown contact type; expected one of ${[
                ...OWNER_CONTACT_TYPES,
              ].join(', ')}`,
              type,
            ),
      ),
    );
    context.uses('owner');
    return inNamespace('owner', (view, scratch) => {
      const owner = view.owner();
      if (!owner) {
        return FAIL;
      }
      let found = 0;
      const contacts = owner.contacts;
      if (Array.isArray(contacts)) {
        for (let i = 0; i < contacts.length && found < MAX_LEAF_EVIDENCE; i++) {
          const contact = contacts[i];
          if (
            !isRecord(contact) ||
            typeof contact.type !== 'string' ||
            !types.has(contact.type) ||
            typeof contact.label !== 'string' ||
            !contact.label
          ) {
            continue;
          }
          if (contact.url !== undefined && !isSafeUrl(contact.url, MAILTO)) {
            scratch.notes.push(
              unsafeLinkNote(
                `owner ${contact.type} "${truncate(contact.label)}"`,
              ),
            );
            continue;
          }
          const evidence: Evidence = {
            kind: 'relation',
            label: `owner ${contact.type}`,
            value: truncate(contact.label),
            strength: 'declared',
          };
          if (contact.url !== undefined) {
            evidence.url = contact.url;
          }
          scratch.evidence.push(evidence);
          found += 1;
        }
      }
      if (
        found === 0 &&
        types.has('email') &&
        typeof owner.email === 'string' &&
        /\S/.test(owner.email)
      ) {
        const evidence: Evidence = {
          kind: 'relation',
          label: 'owner email',
          value: truncate(owner.email),
          strength: 'declared',
        };
        const url = mailtoOf(owner.email);
        if (url !== undefined) {
          evidence.url = url;
        }
        scratch.evidence.push(evidence);
        found += 1;
      }
      const members = owner.members;
      if (found === 0 && types.has('member-email') && Array.isArray(members)) {
        for (let i = 0; i < members.length && found < MAX_LEAF_EVIDENCE; i++) {
          const member = members[i];
          if (
            isRecord(member) &&
            typeof member.email === 'string' &&
            /\S/.test(member.email)
          ) {
            let name = 'member';
            if (typeof member.displayName === 'string') {
              name = member.displayName;
            } else if (typeof member.ref === 'string') {
              name = member.ref;
            }
            const evidence: Evidence = {
              kind: 'relation',
              label: `owner member ${truncate(name)}`,
              value: truncate(member.email),
              strength: 'declared',
            };
            const url = mailtoOf(member.email);
            if (url !== undefined) {
              evidence.url = url;
            }
            scratch.evidence.push(evidence);
            found += 1;
          }
        }
      }
      return found > 0 ? PASS : FAIL;
    });
  },
};
