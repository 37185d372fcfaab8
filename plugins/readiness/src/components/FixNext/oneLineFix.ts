/** Longest one-line fix shown before it is cut with an ellipsis. */
const MAX_LENGTH = 180;

/**
 * The first sentence of a remediation text, as plain text: what to do, in
 * one line. Markdown emphasis, code ticks and link syntax are dropped; code
 * blocks and everything after the first paragraph are left to the check's
 * details.
 */
export function oneLineFix(markdown: string): string {
  const paragraph = markdown.trim().split(/\n\s*\n/)[0] ?? '';
  const text = paragraph
    .replace(/```[\s\S]*?(```|$)/g, ' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  // A sentence ends at . ! or ? before a space (not in "e.g." or "i.e.").
  const sentence =
    /^(.+?(?<!\b(?:e\.g|i\.e|etc|vs))[.!?])(\s|$)/.exec(text)?.[1] ?? text;
  const line = sentence.endsWith(':') ? `${sentence.slice(0, -1)}.` : sentence;
  return line.length > MAX_LENGTH
    ? `${line.slice(0, MAX_LENGTH - 1).trimEnd()}…`
    : line;
}
