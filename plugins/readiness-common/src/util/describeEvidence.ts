import type { CheckResult, Evidence } from '../types';

/**
 * One piece of evidence as a line of text, with its strength, e.g.
 * `buildkite.com/pipeline-slug "acme/payments" (declared)` or
 * `link "JIRA Board": ignored: Jira is an issue tracker, not a dashboard (hint)`.
 *
 * @public
 */
export function describeEvidence(evidence: Evidence): string {
  let value = '';
  if (evidence.value !== undefined) {
    value = evidence.value.startsWith('ignored: ')
      ? `: ${evidence.value}`
      : ` "${evidence.value}"`;
  }
  const strength = evidence.strength ? ` (${evidence.strength})` : '';
  return `${evidence.label}${value}${strength}`;
}

/**
 * What a passing (or exempt) result rests on: its evidence other than
 * ignored hints, strongest first, at most `max` (default 3) pieces.
 *
 * @public
 */
export function passingEvidence(result: CheckResult, max = 3): Evidence[] {
  const rank = { observed: 0, declared: 1, hint: 2 } as const;
  return result.evidence
    .filter(evidence => evidence.strength !== 'hint')
    .sort(
      (a, b) =>
        (a.strength ? rank[a.strength] : 1) -
        (b.strength ? rank[b.strength] : 1),
    )
    .slice(0, max);
}
