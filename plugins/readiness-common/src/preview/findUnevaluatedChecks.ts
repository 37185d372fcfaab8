import type { CheckDefinition, PackChangeUnevaluatedCheck } from '../types';
import type { CheckPack } from '../pack/CheckPack';

/** What decides a check's result; the rest (level, weight, advisory) only places it. */
const DECIDING_KEYS = [
  'rule',
  'appliesTo',
  'requires',
  'optional',
  'observe',
  'warn',
  'attested',
  'minStrength',
] as const;

function same(a: unknown, b: unknown): boolean {
  if (typeof a === 'function' || typeof b === 'function') {
    // A code rule is the same rule only as the same function.
    return a === b;
  }
  return JSON.stringify(a) === JSON.stringify(b);
}

function changedKey(
  before: CheckDefinition,
  after: CheckDefinition,
): string | undefined {
  return DECIDING_KEYS.find(key => !same(before[key], after[key]));
}

/**
 * The checks of a proposed pack whose results cannot be taken from results
 * computed with the current pack: new checks, and checks whose rule (or
 * `appliesTo`, `requires`, `observe`, `warn`, `attested`, `minStrength`)
 * changed. Re-assigning a check (level, weight, advisory) keeps its results.
 *
 * @public
 */
export function findUnevaluatedChecks(
  base: CheckPack,
  proposed: CheckPack,
): PackChangeUnevaluatedCheck[] {
  const before = new Map(base.checks.map(check => [check.id, check]));
  const found: PackChangeUnevaluatedCheck[] = [];
  for (const check of proposed.checks) {
    const old = before.get(check.id);
    if (!old) {
      found.push({
        checkId: check.id,
        reason: `${check.id} is a new check: facts are not stored, so the preview cannot evaluate it`,
      });
      continue;
    }
    const key = changedKey(old, check);
    if (key) {
      found.push({
        checkId: check.id,
        reason: `the ${key} of ${check.id} changed: facts are not stored, so the preview cannot evaluate it`,
      });
    }
  }
  return found;
}
