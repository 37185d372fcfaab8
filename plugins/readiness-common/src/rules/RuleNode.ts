import type { Evidence } from '../types';
import type { FactsView } from './FactsView';

/*
 * Compiled rules run for every check of every entity. Modules on that path
 * copy the bindings they import into module-local constants
 * (`const { FAIL, PASS } = ruleValues;`): under tsx and jest an imported
 * binding is read through two getters on every access, which cost the
 * engine benchmark about a tenth of its speed.
 */

/** The rule does not hold. */
export const FAIL = 0;
/** The rule holds. */
export const PASS = 1;
/** Undecided: a namespace it needs is unavailable. */
export const UNKNOWN = 2;
/** Undecided: a namespace it needs is not configured (treated as no evidence). */
export const ABSENT = 3;

/**
 * The value of a compiled rule: {@link FAIL}, {@link PASS}, {@link UNKNOWN}
 * or {@link ABSENT}.
 *
 * @internal
 */
export type RuleValue = 0 | 1 | 2 | 3;

/**
 * Where a rule writes what it found while being evaluated.
 *
 * @internal
 */
export interface RuleScratch {
  evidence: Evidence[];
  /** Namespaces that left a branch undecided. */
  unknown: string[];
  /**
   * Candidates that were not counted and why (e.g. `unsafe link scheme:
   * link "Runbook" is not counted`), told in the reason when the check fails.
   */
  notes: string[];
}

/**
 * A compiled rule (or part of one): a closure over the facts of one entity.
 *
 * @internal
 */
export type RuleNode = (view: FactsView, scratch: RuleScratch) => RuleValue;
