/**
 * One sentence on the weakest evidence a check passes on, the same in the
 * UI's check details and the CLI's `--explain`.
 *
 * @param minStrength - `CheckInfo.minStrength` (absent reads as `declared`)
 * @public
 */
export function describeMinStrength(
  minStrength: 'observed' | 'declared' | undefined,
): string {
  return minStrength === 'observed'
    ? 'Passes on observed evidence only (a repository file, live series or alert rules); declared evidence alone does not count.'
    : 'Passes on declared or observed evidence; a title or an icon alone never counts.';
}
