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
 * `changeme`, or an unrendered template (`{{ values.owner }}`,
 * `${SYSTEM}`, `channel=`).
 *
 * @internal
 */
export function isPlaceholder(value: string): boolean {
  // Cheap tests first: this runs for every annotation and field a rule reads.
  if (value.length <= 24 && PLACEHOLDER_WORDS.has(value.trim().toLowerCase())) {
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
