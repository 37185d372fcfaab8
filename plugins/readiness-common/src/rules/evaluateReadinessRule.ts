import type { FactDocument, RuleOutcome } from '../types';
import type { ReadinessRule } from './ReadinessRule';
import {
  compileReadinessRule,
  CompiledReadinessRule,
} from './compileReadinessRule';
import { ABSENT, PASS, RuleScratch, UNKNOWN } from './RuleNode';
import { FactsView, NS_NOT_CONFIGURED, NS_UNAVAILABLE } from './FactsView';

const compiled = new WeakMap<object, CompiledReadinessRule>();

function problems(view: FactsView, namespaces: string[], state: number) {
  return [...new Set(namespaces)]
    .filter(namespace => view.state(namespace) === state)
    .map(namespace => view.problem(namespace, state === NS_NOT_CONFIGURED))
    .join('; ');
}

/**
 * Evaluates one declarative rule against a fact document, e.g. to try a rule
 * before putting it in app-config, or inside a code check. `pass`/`fail`
 * come with the evidence found; `unknown` (a namespace the rule needs is
 * unavailable) with the reason. A namespace that is not configured counts as
 * no evidence, and the `fail` reason says so.
 *
 * Throws an `InputError` when the rule is malformed (see
 * {@link parseReadinessRule}); never throws on malformed facts.
 *
 * @public
 */
export function evaluateReadinessRule(
  rule: ReadinessRule,
  facts: FactDocument,
): RuleOutcome {
  let entry =
    typeof rule === 'object' && rule !== null ? compiled.get(rule) : undefined;
  if (!entry) {
    entry = compileReadinessRule(rule, 'rule');
    if (typeof rule === 'object' && rule !== null) {
      compiled.set(rule, entry);
    }
  }
  const view = new FactsView(facts);
  const scratch: RuleScratch = { evidence: [], unknown: [], notes: [] };
  const value = entry.evaluate(view, scratch);
  if (value === PASS) {
    return { state: 'pass', evidence: scratch.evidence };
  }
  if (value === UNKNOWN) {
    return {
      state: 'unknown',
      reason: problems(view, scratch.unknown, NS_UNAVAILABLE),
    };
  }
  const notes = [...new Set(scratch.notes)].join('; ');
  if (value === ABSENT) {
    return {
      state: 'fail',
      evidence: scratch.evidence,
      reason: `not checked: ${problems(
        view,
        scratch.unknown,
        NS_NOT_CONFIGURED,
      )}${notes ? `; ${notes}` : ''}`,
    };
  }
  return notes
    ? { state: 'fail', evidence: scratch.evidence, reason: notes }
    : { state: 'fail', evidence: scratch.evidence };
}
