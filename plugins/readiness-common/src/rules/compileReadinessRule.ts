import { isRecord } from './FactsView';
import { invalid } from './invalid';
import type { RuleNode } from './RuleNode';
import { allOfOperator } from './operators/allOfOperator';
import { annotationOperator } from './operators/annotationOperator';
import { anyOfOperator } from './operators/anyOfOperator';
import { dependencyOperator } from './operators/dependencyOperator';
import { factOperator } from './operators/factOperator';
import { fieldOperator } from './operators/fieldOperator';
import { fileOperator } from './operators/fileOperator';
import { filterOperator } from './operators/filterOperator';
import { labelOperator } from './operators/labelOperator';
import { linkOperator } from './operators/linkOperator';
import { metricsOperator } from './operators/metricsOperator';
import { notOperator } from './operators/notOperator';
import { ownerContactOperator } from './operators/ownerContactOperator';
import { ownerOperator } from './operators/ownerOperator';
import type {
  RuleCompileContext,
  RuleOperator,
} from './operators/RuleOperator';
import { signalOperator } from './operators/signalOperator';
import { tagOperator } from './operators/tagOperator';
import { tierOperator } from './operators/tierOperator';

/**
 * A rule compiled into closures.
 *
 * @internal
 */
export interface CompiledReadinessRule {
  evaluate: RuleNode;
  /** The fact namespaces the rule reads. */
  namespaces: string[];
}

/**
 * The registry of the rule language: each operator by the key that names it
 * in a rule. An operator lives in its own file under `operators/`; adding
 * one is that file and a line here (and its type in `ReadinessRule.ts`).
 */
const OPERATORS: Readonly<Record<string, RuleOperator>> = Object.freeze({
  allOf: allOfOperator,
  anyOf: anyOfOperator,
  not: notOperator,
  annotation: annotationOperator,
  link: linkOperator,
  label: labelOperator,
  tag: tagOperator,
  tier: tierOperator,
  field: fieldOperator,
  filter: filterOperator,
  file: fileOperator,
  dependency: dependencyOperator,
  owner: ownerOperator,
  ownerContact: ownerContactOperator,
  signal: signalOperator,
  metrics: metricsOperator,
  fact: factOperator,
});

/**
 * The operators of the rule language and the extra keys each accepts.
 *
 * @internal
 */
export const RULE_OPERATORS: Readonly<Record<string, readonly string[]>> =
  Object.freeze(
    Object.fromEntries(
      Object.entries(OPERATORS).map(([name, op]) => [name, op.extraKeys]),
    ),
  );

/** Finds the one operator of a rule object and checks its other keys. */
function operatorOf(value: Record<string, unknown>, path: string): string {
  const keys = Object.keys(value);
  const operators = keys.filter(key => Object.hasOwn(OPERATORS, key));
  if (operators.length !== 1) {
    return invalid(
      path,
      operators.length === 0
        ? `unknown rule; expected exactly one of ${Object.keys(OPERATORS).join(
            ', ',
          )}`
        : `a rule has exactly one operator but this one has ${operators.join(
            ', ',
          )}; combine them with allOf`,
      value,
    );
  }
  const operator = operators[0];
  const allowed = OPERATORS[operator].extraKeys;
  for (const key of keys) {
    if (key !== operator && !allowed.includes(key)) {
      invalid(
        `${path}.${key}`,
        `unknown key for a "${operator}" rule${
          allowed.length ? `; allowed: ${allowed.join(', ')}` : ''
        }`,
        value[key],
      );
    }
  }
  return operator;
}

/** Compiles one rule object (and, through the context, its children). */
function compileNode(
  value: unknown,
  path: string,
  namespaces: Set<string>,
): RuleNode {
  if (!isRecord(value)) {
    return invalid(
      path,
      'expected a rule object such as { anyOf: [...] }',
      value,
    );
  }
  const operator = operatorOf(value, path);
  const context: RuleCompileContext = {
    rule: value,
    path,
    at: `${path}.${operator}`,
    compile: (child, childPath) => compileNode(child, childPath, namespaces),
    uses: namespace => {
      namespaces.add(namespace);
    },
  };
  return OPERATORS[operator].compile(value[operator], context);
}

/**
 * Validates a declarative rule and compiles it into closures. Throws an
 * `InputError` whose message starts with the path of the offending part,
 * e.g. `readiness.checks[2].rule.anyOf[0]: unknown rule; …, got {…}`.
 *
 * @internal
 */
export function compileReadinessRule(
  rule: unknown,
  path: string,
): CompiledReadinessRule {
  const namespaces = new Set<string>();
  const evaluate = compileNode(rule, path, namespaces);
  return { evaluate, namespaces: [...namespaces] };
}
