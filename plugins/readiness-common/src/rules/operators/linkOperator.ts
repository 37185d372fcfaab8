import type { Evidence } from '../../types';
import * as factsView from '../FactsView';
import { judgeLink, DECLARED_BY_MATCHER, wantedKind } from './judgeLink';
import { invalid } from '../invalid';
import { linkKindsOfType } from '../linkKinds';
import * as ruleValues from '../RuleNode';
import { RuleNode } from '../RuleNode';
import { inNamespace } from './inNamespace';
import { readGlobSet, readStringList } from './readStringList';
import * as ruleOperator from './RuleOperator';
import { RuleOperator } from './RuleOperator';
import { unsafeLinkNote } from './unsafeLinkNote';
import { verifiedLink } from './verifiedLink';

// Local copies of hot imported bindings: tsx and jest read an imported
// binding through getters on every access (see RuleNode.ts).
const { isLinkSafe, isRecord, truncate } = factsView;
const { FAIL, PASS } = ruleValues;
const { MAX_LEAF_EVIDENCE } = ruleOperator;

/**
 * `link: type | [types] | { type, title, url, icon }`: a link of the entity
 * recognised as one of the types (see `linkKinds`) and matching the other
 * conditions. A link whose URL `isSafeUrl` rejects never counts; it leaves
 * an "unsafe link scheme" note. When link verification filled the `links`
 * namespace, a link that answered is `observed` evidence and a dead one
 * never counts (it leaves a "is dead: HTTP 404" note).
 * an "unsafe link scheme" note. With a type, the link must also earn it
 * (see `judgeLink`): a link without a URL, a URL of a tool that does not
 * serve the kind (Jira for a dashboard) or a title or icon alone is
 * ignored, as `hint` evidence with the reason.
 *
 * @internal
 */
export const linkOperator: RuleOperator = {
  extraKeys: [],
  compile(operand, context): RuleNode {
    const { at } = context;
    let matcher: Record<string, unknown>;
    if (typeof operand === 'string' || Array.isArray(operand)) {
      matcher = { type: operand };
    } else if (isRecord(operand)) {
      matcher = operand;
    } else {
      return invalid(
        at,
        'expected a link type, a list of types, or { type, title, url, icon }',
        operand,
      );
    }
    for (const key of Object.keys(matcher)) {
      if (!['type', 'title', 'url', 'icon'].includes(key)) {
        invalid(
          `${at}.${key}`,
          'unknown link condition; allowed: type, title, url, icon',
          matcher[key],
        );
      }
    }
    const typePath =
      typeof operand === 'string' || Array.isArray(operand) ? at : `${at}.type`;
    const kinds =
      matcher.type === undefined
        ? undefined
        : new Set(
            readStringList(matcher.type, typePath, 'a link type').flatMap(
              type => linkKindsOfType(type),
            ),
          );
    const titles =
      matcher.title === undefined
        ? undefined
        : readGlobSet(matcher.title, `${at}.title`, false);
    const urls =
      matcher.url === undefined
        ? undefined
        : readGlobSet(matcher.url, `${at}.url`, false);
    const icons =
      matcher.icon === undefined
        ? undefined
        : new Set(
            readStringList(matcher.icon, `${at}.icon`, 'an icon id').map(icon =>
              icon.toLowerCase(),
            ),
          );
    if (!kinds && !titles && !urls && !icons) {
      return invalid(
        at,
        'expected at least one of type, title, url, icon',
        operand,
      );
    }
    context.uses('entity');
    return inNamespace('entity', (view, scratch) => {
      const links = view.links();
      let found = 0;
      let ignored = 0;
      for (let i = 0; i < links.length && found < MAX_LEAF_EVIDENCE; i++) {
        const link = links[i];
        let kind: string | undefined;
        if (kinds) {
          kind = wantedKind(link, kinds);
          if (!kind) {
            continue;
          }
        }
        if (titles && !(link.title !== undefined && titles.test(link.title))) {
          continue;
        }
        if (urls && !(link.url !== undefined && urls.test(link.url))) {
          continue;
        }
        if (
          icons &&
          !(link.icon !== undefined && icons.has(link.icon.toLowerCase()))
        ) {
          continue;
        }
        const name = truncate(link.title || link.url || 'untitled');
        if (!isLinkSafe(link)) {
          scratch.notes.push(
            unsafeLinkNote(link.title ? `link "${name}"` : 'an untitled link'),
          );
          continue;
        }
        // Verified links (readiness.links.verify): a dead one never counts.
        const verified = verifiedLink(view, link.url);
        if (verified?.state === 'dead') {
          scratch.notes.push(
            `${kind ? `${kind} ` : ''}link "${name}" is dead: ${truncate(
              verified.reason,
            )}`,
          );
          continue;
        }
        const judged = kind ? judgeLink(link, kind) : DECLARED_BY_MATCHER;
        if (judged.ignored !== undefined) {
          scratch.notes.push(`link "${name}" ignored: ${judged.ignored}`);
          if (ignored < MAX_LEAF_EVIDENCE) {
            scratch.evidence.push(ignoredLinkEvidence(name, judged.ignored));
            ignored += 1;
          }
          continue;
        }
        const evidence: Evidence = {
          kind: 'link',
          label: kind ? `${kind} link "${name}"` : `link "${name}"`,
          strength: 'declared',
        };
        if (judged.value !== undefined) {
          evidence.value = judged.value;
        }
        if (link.url !== undefined) {
          evidence.url = link.url;
        }
        if (verified?.state === 'answered') {
          evidence.strength = 'observed';
          evidence.value = `answered: ${truncate(verified.reason)}`;
        }
        scratch.evidence.push(evidence);
        found += 1;
      }
      return found > 0 ? PASS : FAIL;
    });
  },
};

function ignoredLinkEvidence(name: string, why: string): Evidence {
  return {
    kind: 'link',
    label: `link "${name}"`,
    value: `ignored: ${why}`,
    strength: 'hint',
  };
}
