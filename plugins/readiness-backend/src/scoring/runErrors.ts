/*
 * Errors of runs as stored: bounded in number and length.
 */

/** Errors kept per run; more are counted, not stored. */
export const MAX_RUN_ERRORS = 50;
/** Longest error message kept (database errors can quote whole statements). */
const MAX_ERROR_LENGTH = 500;

/** An error's message, shortened to what a run stores. */
export function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.length > MAX_ERROR_LENGTH
    ? `${message.slice(0, MAX_ERROR_LENGTH)}…`
    : message;
}

/**
 * The errors to store: the first {@link MAX_RUN_ERRORS} of `errorCount`,
 * with a note of how many were left out (before the last one when
 * `keepLast`, which is then the reason the run failed).
 */
export function errorsWithCount(
  errors: string[],
  errorCount: number,
  keepLast = false,
): string[] {
  if (errorCount <= errors.length) {
    return [...errors];
  }
  const note = `… and ${errorCount - errors.length} more errors`;
  return keepLast
    ? [...errors.slice(0, -1), note, errors[errors.length - 1]]
    : [...errors, note];
}
