/**
 * Exit codes of the `readiness` command.
 *
 * - `ok` (0): everything scored and every entity meets the bar.
 * - `belowBar` (1): scored, but an entity is below `--min-level` or fails a
 *   check named in `--fail-on`.
 * - `badInput` (2): the input could not be scored (missing file, YAML syntax
 *   error, invalid entity, unknown check id, unknown option or format).
 *
 * @public
 */
export const EXIT_CODES = {
  ok: 0,
  belowBar: 1,
  badInput: 2,
} as const;
