import {
  levelWord,
  type CheckPackResponse,
  type SearchQuery,
} from '@prodready/plugin-readiness-common';

/** What an empty search result says, and whether that is good news. */
export interface NoMatchMessage {
  title: string;
  description: string;
  /** The search asked who has a gap, and no one has: good news. */
  goodNews: boolean;
}

function listOf(words: string[], joiner: string): string {
  if (words.length <= 1) {
    return words.join('');
  }
  return `${words.slice(0, -1).join(', ')} ${joiner} ${
    words[words.length - 1]
  }`;
}

/**
 * The empty state of a search. A search for gaps (failing checks, or a level
 * at most) that matches nothing is good news and says so in the words of the
 * question, e.g. "No tier-1 component lacks Rollback documented"; any other
 * empty search suggests removing a filter.
 */
export function noMatchMessage(
  query: SearchQuery,
  checkPack: CheckPackResponse | undefined,
): NoMatchMessage {
  const failing = query.failing ?? [];
  const gapQuestion = failing.length > 0 || query.levelAtMost !== undefined;
  if (!gapQuestion) {
    return {
      title: 'No entity matches',
      description:
        'No scored entity matches these filters. Remove a filter, or check that the values exist.',
      goodNews: false,
    };
  }
  const who = [
    ...(query.tier ?? []),
    ...(query.lifecycle ?? []),
    ...(query.type ?? []),
  ].join(' ');
  const kinds = query.kind?.length ? listOf(query.kind, 'or') : 'entity';
  const subject = `No ${who ? `${who} ` : ''}${kinds}`;
  const where = [
    ...(query.owner ?? []).map(o => `owned by ${o}`),
    ...(query.system ?? []).map(s => `in ${s}`),
  ].join(', ');
  const gaps = failing.map(
    id => checkPack?.checks.find(c => c.id === id)?.title ?? id,
  );
  const parts: string[] = [];
  if (gaps.length > 0) {
    parts.push(`lacks ${listOf(gaps, 'and')}`);
  }
  if (query.levelAtMost !== undefined) {
    parts.push(
      `is at ${levelWord(query.levelAtMost, checkPack?.levels)} or lower`,
    );
  }
  return {
    title: `${subject}${where ? ` ${where}` : ''} ${listOf(parts, 'and')}.`,
    description:
      'Good news: every scored entity that fits the other filters passes. Entities not scored yet are not counted.',
    goodNews: true,
  };
}
