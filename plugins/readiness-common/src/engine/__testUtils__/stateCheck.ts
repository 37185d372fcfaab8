import type { CheckDefinition, FactDocument, RuleOutcome } from '../../types';

/** A code check whose outcome is read from a `states` fact namespace. */
export function stateCheck(
  id: string,
  level: string,
  weight: number,
): CheckDefinition {
  return {
    id,
    title: id,
    category: id.split('.')[0],
    level,
    weight,
    requires: [],
    rule: (facts: FactDocument): RuleOutcome => {
      const states = facts.namespaces.states?.data as Record<string, string>;
      const state = states[id];
      if (state === 'pass' || state === 'fail') {
        return { state, evidence: [{ kind: 'field', label: id }] };
      }
      if (state === 'unknown') {
        return { state, reason: `${id} cannot tell` };
      }
      return { state: 'not-applicable', reason: 'n/a' };
    },
    messages: { pass: `${id} passes`, fail: `${id} fails` },
    remediation: { markdown: `fix ${id}` },
  };
}
