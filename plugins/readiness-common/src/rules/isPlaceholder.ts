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

/** Unrendered templates: `{{ … }}`, `${ … }`, `<% … %>`, or `key=` left empty. */
const TEMPLATE = /\{\{.*\}\}|\$\{.*\}|<%.*%>|^[a-z_-]+=$/i;

/**
 * Whether a catalog value is a placeholder rather than a value: empty, a
 * word such as `-`, `undefined`, `null`, `TODO`, `TBD`, `n/a`, `unknown`,
 * `changeme`, an unrendered template (`{{ values.owner }}`,
 * `${SYSTEM}`, `channel=`), or a `<FILL-ME: …>` marker left by
 * `readiness fix`.
 *
 * @internal
 */
export function isPlaceholder(value: string): boolean {
  // Cheap tests first: this runs for every annotation and field a rule reads.
  if (value.length <= 24 && PLACEHOLDER_WORDS.has(value.trim().toLowerCase())) {
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
      value.includes('<%') ||
      value.endsWith('=')) &&
    TEMPLATE.test(value.trim())
  );
}
