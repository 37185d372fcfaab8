import { isError } from '@backstage/errors';

/**
 * Options of {@link describeError}.
 *
 * @public
 */
export interface DescribeErrorOptions {
  /** Longest description returned; longer ones end in `…` (default 300). */
  maxLength?: number;
}

/**
 * Describes a thrown value in one line, for logs and the reasons of
 * `unavailable` fact namespaces: the error's message, prefixed by its name
 * when that says more than `Error` (`NotFoundError: no such repository`),
 * whitespace collapsed, cut at `maxLength` characters.
 *
 * @public
 */
export function describeError(
  error: unknown,
  options: DescribeErrorOptions = {},
): string {
  const { maxLength = 300 } = options;
  let text: string;
  if (isError(error)) {
    text =
      error.name && error.name !== 'Error'
        ? `${error.name}: ${error.message}`
        : error.message;
  } else {
    text = String(error);
  }
  text = text.replace(/\s+/g, ' ').trim();
  return text.length > maxLength
    ? `${text.slice(0, Math.max(0, maxLength - 1))}…`
    : text;
}
