import { CHECK_SYNONYMS } from './CHECK_SYNONYMS';

/** Words that turn the check words after them into a gap. */
const NEGATIONS = new Set(['missing', 'no', 'without', 'lacking', 'lacks']);
/** Small words left out of the rest, which is matched as a substring. */
const FILLERS = new Set(['a', 'an', 'the', 'of', 'for', 'with', 'and', 'in']);

/**
 * What {@link checksNamedIn} read in a text.
 *
 * @public
 */
export interface ChecksNamedInText {
  /** The checks named as gaps, in the pack's order. */
  checkIds: string[];
  /** The words left once the negations and check words are taken out. */
  rest: string;
}

function words(text: string): string[] {
  return text
    .toLocaleLowerCase('en-US')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * Reads a free-text gap query the way the search collator indexes gaps:
 * "missing runbook", "payments without rollback", "no pager". When the text
 * has a negation word (missing, no, without, lacking, lacks), each check
 * whose title or synonym ({@link CHECK_SYNONYMS}) appears in it as whole
 * words is named; the rest of the text is returned for a catalog search.
 * Without a negation word nothing is read as a gap (a service named
 * "rollback-tool" stays a name).
 *
 * @public
 */
export function checksNamedIn(
  text: string,
  checks: ReadonlyArray<{ id: string; title: string }>,
): ChecksNamedInText {
  const tokens = words(text);
  if (!tokens.some(token => NEGATIONS.has(token))) {
    return { checkIds: [], rest: text.trim() };
  }
  const used = new Array<boolean>(tokens.length).fill(false);
  const checkIds: string[] = [];
  for (const check of checks) {
    const phrases = [check.title, ...(CHECK_SYNONYMS[check.id] ?? [])]
      .map(words)
      .filter(phrase => phrase.length > 0)
      // Longest first: "error rate" before "error".
      .sort((a, b) => b.length - a.length);
    let named = false;
    for (const phrase of phrases) {
      for (let i = 0; i + phrase.length <= tokens.length; i++) {
        if (phrase.every((word, j) => tokens[i + j] === word)) {
          named = true;
          phrase.forEach((_, j) => {
            used[i + j] = true;
          });
        }
      }
    }
    if (named) checkIds.push(check.id);
  }
  if (checkIds.length === 0) {
    return { checkIds, rest: text.trim() };
  }
  const rest = tokens
    .filter(
      (token, i) => !used[i] && !NEGATIONS.has(token) && !FILLERS.has(token),
    )
    .join(' ');
  return { checkIds, rest };
}
