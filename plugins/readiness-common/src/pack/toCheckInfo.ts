import type { CheckDefinition, CheckInfo } from '../types';
import { compileReadinessRule } from '../rules/compileReadinessRule';
import { DEFAULT_ATTESTATION_DAYS } from '../engine/compileChecks';

/**
 * Describes a check for the API and the UI: everything but the rule code.
 * `optional` lists the namespaces the rule reads besides `requires` (given,
 * or inferred from a declarative rule).
 *
 * @public
 */
export function toCheckInfo(check: CheckDefinition): CheckInfo {
  const info: CheckInfo = {
    id: check.id,
    title: check.title,
    category: check.category,
    level: check.level,
    weight: check.weight,
    requires: [...check.requires],
    minStrength: check.minStrength ?? 'declared',
    remediation: {
      markdown: check.remediation.markdown,
      ...(check.remediation.links
        ? { links: check.remediation.links.map(link => ({ ...link })) }
        : {}),
    },
  };
  if (check.description !== undefined) {
    info.description = check.description;
  }
  if (check.advisory) {
    info.advisory = true;
  }
  if (check.attested) {
    info.attested = {
      expiresAfterDays:
        check.attested.expiresAfterDays ?? DEFAULT_ATTESTATION_DAYS,
    };
    return info;
  }
  const optional = check.optional ?? inferOptional(check);
  if (optional.length > 0) {
    info.optional = optional;
  }
  return info;
}

function inferOptional(check: CheckDefinition): string[] {
  if (typeof check.rule === 'function') {
    return [];
  }
  try {
    return compileReadinessRule(check.rule, 'rule').namespaces.filter(
      namespace => !check.requires.includes(namespace),
    );
  } catch {
    return [];
  }
}
