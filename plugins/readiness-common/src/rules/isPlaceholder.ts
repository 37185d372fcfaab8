/** Words that stand for a value nobody filled in. */
const PLACEHOLDER_WORDS: ReadonlySet<string> = new Set([
  '',
  '-',
  '--',
  '?',
  'undefined',
  'null',
  'nil',
  'todo',
  'tbd',
  'tbc',
  'n/a',
  'unknown',
  'changeme',
  'change-me',
  'change_me',
  'placeholder',
]);

/**
 * Flags of the ASCII characters a placeholder word can start with (either
 * case): other values skip the trimmed, lower-cased look-up.
 */
const WORD_STARTS = new Uint8Array(128);
for (const word of PLACEHOLDER_WORDS) {
  if (word) {
    WORD_STARTS[word.charCodeAt(0)] = 1;
    WORD_STARTS[word.toUpperCase().charCodeAt(0)] = 1;
  }
}

/** Unrendered templates: `{{ … }}`, `${ … }`, `<% … %>`, or `key=` left empty. */
const TEMPLATE = /\{\{.*\}\}|\$\{.*\}|<%.*%>|^[a-z_-]+=$/i;

/**
 * Whether a catalog value is a placeholder rather than a value: empty, a
 * word such as `-`, `undefined`, `null`, `TODO`, `TBD`, `n/a`, `unknown`,
 * `changeme`, or an unrendered template (`{{ values.owner }}`,
 * `${SYSTEM}`, `channel=`).
 *
 * @internal
 */
export function isPlaceholder(value: string): boolean {
  // Cheap tests first: this runs for every annotation and field a rule reads.
  const first = value.charCodeAt(0);
  if (
    value.length <= 24 &&
    // Empty, leading whitespace, non-ASCII, or the start of a word.
    (!(first > 0x20) || first >= 0x7f || WORD_STARTS[first] === 1) &&
    PLACEHOLDER_WORDS.has(value.trim().toLowerCase())
  ) {
    return true;
  }
  return (
    (value.includes('{{') ||
      value.includes('${') ||
      value.includes('<%') ||
      value.endsWith('=')) &&
    TEMPLATE.test(value.trim())
  );
}
