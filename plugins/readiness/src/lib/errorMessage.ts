import { isError, ResponseError } from '@backstage/errors';

/**
 * The message to show a user for an error: for a failed request, the
 * server's own message (e.g. which field was wrong) rather than the HTTP
 * status line.
 */
export function errorMessage(error: unknown): string {
  if (ResponseError.is(error)) {
    return error.cause.message || error.message;
  }
  return isError(error) ? error.message : String(error);
}

/** A message as a sentence: trimmed, ending with one full stop. */
export function asSentence(message: string): string {
  const trimmed = message.trim().replace(/[.\s]+$/, '');
  return trimmed ? `${trimmed}.` : '';
}
