import { truncate } from '../FactsView';

/**
 * The note left when a value is a placeholder, e.g. `placeholder value:
 * field spec.lifecycle is "TODO"`.
 *
 * @internal
 */
export function placeholderNote(
  what: string,
  value: string,
  kind = 'a placeholder',
): string {
  const note = `placeholder value: ${what} is "${truncate(value)}"`;
  return kind === 'a placeholder' ? note : `${note} (${kind})`;
}
