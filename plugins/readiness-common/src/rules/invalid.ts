import { InputError } from '@backstage/errors';

/** A short JSON rendering of a value, for error messages and labels. */
export function preview(value: unknown): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch {
    text = undefined;
  }
  if (text === undefined) {
    text = String(value);
  }
  return text.length > 120 ? `${text.slice(0, 120)}…` : text;
}

/**
 * Throws an `InputError` naming the path and the bad value.
 *
 * @internal
 */
export function invalid(path: string, message: string, value: unknown): never {
  throw new InputError(`${path}: ${message}, got ${preview(value)}`);
}
