/**
 * Something wrong in the input, found while reading catalog files.
 *
 * - `error`: something could not be read (the document or file is left
 *   out; the command exits with code 2 after scoring the rest).
 * - `warning`: read, with a caveat (e.g. a duplicated entity: the first
 *   definition is kept; a Location URL target that is not fetched offline).
 *
 * @public
 */
export interface CatalogProblem {
  severity: 'error' | 'warning';
  /** The file, relative to the working directory, `/`-separated. */
  file: string;
  /** 1-based line and column; 0 when the problem is about the whole file. */
  line: number;
  column: number;
  /** A human sentence, never an internal error text. */
  message: string;
}

/** Internal error texts that must never reach a user. */
const INTERNAL_ERROR =
  /Cannot read propert|Maximum call stack|TypeError|ReferenceError|RangeError|is not a function|is not iterable|undefined \(reading|\n\s+at /;

/**
 * Whether an error message is an internal error text (a JavaScript
 * exception, a stack frame) rather than a sentence written for users.
 *
 * @public
 */
export function isInternalErrorText(message: string): boolean {
  return INTERNAL_ERROR.test(message);
}

/**
 * Formats a problem as one line for stderr:
 * `file:line:column: error: message`.
 *
 * @public
 */
export function formatCatalogProblem(problem: CatalogProblem): string {
  const where =
    problem.line > 0
      ? `${problem.file}:${problem.line}:${problem.column}`
      : problem.file;
  return `${where}: ${problem.severity}: ${problem.message}`;
}
