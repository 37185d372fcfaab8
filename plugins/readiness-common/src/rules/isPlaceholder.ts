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
  'none',
  'missing',
  'tba',
  'xxx',
  'fixme',
  'unset',
  'not-set',
  'not set',
  'empty',
  'unspecified',
]);

/** Annotations whose value is a flag by design (Tekton's `"true"`). */
const FLAG_KEYS: ReadonlySet<string> = new Set(['tekton.dev/cicd']);

/** Values that are a yes/no, where an id or a name is expected. */
const FLAG_WORDS: ReadonlySet<string> = new Set(['true', 'false', 'yes', 'no']);

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

/**
 * Unrendered templates: `{{ … }}`, `${ … }`, `<% … %>`, `<GUID>`,
 * `<your-team>`, or `key=` left empty.
 */
const TEMPLATE = /\{\{.*\}\}|\$\{.*\}|<%.*%>|<[a-z_][\w .-]*>|^[a-z_-]+=$/i;

/**
 * Whether a catalog value is a placeholder rather than a value: empty, a
 * word such as `-`, `undefined`, `null`, `TODO`, `TBD`, `n/a`, `unknown`,
 * `changeme`, `none`, `missing`, `unspecified`, an unrendered template
 * (`{{ values.owner }}`, `${SYSTEM}`, `<GUID>`, `channel=`), or a
 * `<FILL-ME: …>` marker left by `readiness fix`.
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
  // `readiness fix` writes `<FILL-ME: …>` (in a link URL, `fill-me:<FILL-ME: …>`)
  // for a person to fill in.
  if (value.startsWith('<FILL-ME') || value.startsWith('fill-me:<FILL-ME')) {
    return true;
  }
  return (
    (value.includes('{{') ||
      value.includes('${') ||
      value.includes('<') ||
      value.endsWith('=')) &&
    TEMPLATE.test(value.trim())
  );
}

/**
 * Whether an annotation or label value is a placeholder where an id or a
 * name is expected: a placeholder (see {@link isPlaceholder}), a boolean
 * (`sentry.io/project-slug: true`) or the words `true`, `false`, `yes`,
 * `no` (except under keys that are flags by design, such as
 * `tekton.dev/cicd`). Returns what it is for the reason, or `undefined`
 * for a value.
 *
 * @internal
 */
export function idPlaceholderKind(
  value: unknown,
  key?: string,
): string | undefined {
  if (key !== undefined && FLAG_KEYS.has(key)) {
    return undefined;
  }
  if (typeof value === 'boolean') {
    return 'a boolean, not an id';
  }
  if (typeof value !== 'string') {
    return undefined;
  }
  if (isPlaceholder(value)) {
    return 'a placeholder';
  }
  if (value.length <= 5 && FLAG_WORDS.has(value.trim().toLowerCase())) {
    return 'a yes/no, not an id';
  }
  return undefined;
}
