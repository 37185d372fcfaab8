import type {
  CheckDefinition,
  FactDocument,
  RuleOutcome,
} from '@prodready/plugin-readiness-common';

/**
 * Options of {@link mockCheck}: any field of a check definition, plus the
 * outcome its code rule returns.
 *
 * @public
 */
export type MockCheckOptions = Partial<Omit<CheckDefinition, 'rule'>> & {
  /**
   * What the check decides: a fixed outcome or a function of the facts.
   * Default `{ state: 'pass' }`. Ignored when `rule` is given.
   */
  outcome?: RuleOutcome | ((facts: FactDocument) => RuleOutcome);
  /** A rule (declarative or code) instead of `outcome`. */
  rule?: CheckDefinition['rule'];
};

/**
 * A complete, valid check definition for tests (id `test.mock-check`,
 * bronze, weight 1), e.g. to exercise the `readiness.checks` extension point
 * or a pack with a known outcome. The rule counts its calls in `calls`.
 *
 * @example
 * ```ts
 * const check = mockCheck({ id: 'security.scanned', outcome: { state: 'fail' } });
 * const pack = createCheckPack({ checks: [check] });
 * ```
 *
 * @public
 */
export function mockCheck(
  options: MockCheckOptions = {},
): CheckDefinition & { calls: FactDocument[] } {
  const { outcome, rule, ...rest } = options;
  const id = rest.id ?? 'test.mock-check';
  const calls: FactDocument[] = [];
  const codeRule = (facts: FactDocument): RuleOutcome => {
    calls.push(facts);
    const result = outcome ?? { state: 'pass' };
    return typeof result === 'function' ? result(facts) : result;
  };
  return {
    title: `Mock check ${id}`,
    category: id.split('.')[0],
    level: 'bronze',
    weight: 1,
    requires: [],
    messages: { pass: `${id} passes`, fail: `${id} fails` },
    remediation: { markdown: `Fix ${id}.` },
    ...rest,
    id,
    rule: rule ?? codeRule,
    calls,
  };
}
