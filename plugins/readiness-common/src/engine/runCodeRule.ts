import type {
  CheckResult,
  Evidence,
  EvidenceStrength,
  FactDocument,
} from '../types';
import { EVIDENCE_KINDS, EVIDENCE_STRENGTHS } from '../types/results';
import * as factsView from '../rules/FactsView';
import * as safeUrl from '../rules/isSafeUrl';
import type { CompiledCheck } from './compileChecks';

// Local copies of hot imported bindings: tsx and jest read an imported
// binding through getters on every access (see RuleNode.ts).
const { isRecord, truncate } = factsView;
const { isSafeUrl } = safeUrl;

/** Evidence items kept per check result. */
export const MAX_EVIDENCE = 10;

/** The reason of a `not-applicable` result. */
export const NOT_APPLICABLE_REASON = 'Does not apply to this entity';

const VALID_EVIDENCE_KINDS: ReadonlySet<string> = new Set(EVIDENCE_KINDS);

function sanitizeEvidence(evidence: unknown): Evidence[] {
  if (!Array.isArray(evidence)) {
    return [];
  }
  const result: Evidence[] = [];
  for (const item of evidence) {
    if (result.length >= MAX_EVIDENCE) {
      break;
    }
    if (
      !isRecord(item) ||
      typeof item.kind !== 'string' ||
      !VALID_EVIDENCE_KINDS.has(item.kind) ||
      typeof item.label !== 'string'
    ) {
      continue;
    }
    const clean: Evidence = {
      kind: item.kind as Evidence['kind'],
      label: truncate(item.label),
    };
    if (typeof item.value === 'string') {
      clean.value = truncate(item.value);
    }
    if (
      typeof item.strength === 'string' &&
      (EVIDENCE_STRENGTHS as readonly string[]).includes(item.strength)
    ) {
      clean.strength = item.strength as EvidenceStrength;
    }
    if (isSafeUrl(item.url, { mailto: true })) {
      clean.url = item.url;
    }
    result.push(clean);
  }
  return result;
}

/**
 * Runs the code rule of a check and turns its outcome into a result; a rule
 * that throws or answers something malformed gives `unknown` with the
 * reason. Evidence is checked for shape, bounded, and keeps only safe URLs.
 *
 * @internal
 */
export function runCodeRule(
  check: CompiledCheck,
  facts: FactDocument,
): CheckResult {
  let outcome: unknown;
  try {
    outcome = check.code!(facts);
  } catch (error) {
    return {
      checkId: check.id,
      state: 'unknown',
      reason: `The check failed to evaluate: ${truncate(
        String((error as Error)?.message ?? error),
      )}`,
      evidence: [],
    };
  }
  if (!isRecord(outcome)) {
    return {
      checkId: check.id,
      state: 'unknown',
      reason: 'The check returned no outcome',
      evidence: [],
    };
  }
  const reason =
    typeof outcome.reason === 'string' && outcome.reason
      ? truncate(outcome.reason)
      : undefined;
  switch (outcome.state) {
    case 'pass':
      return {
        checkId: check.id,
        state: 'pass',
        reason: reason ?? check.pass,
        evidence: sanitizeEvidence(outcome.evidence),
      };
    case 'fail':
      return {
        checkId: check.id,
        state: 'fail',
        reason: reason ?? check.fail,
        evidence: sanitizeEvidence(outcome.evidence),
      };
    case 'unknown':
      return {
        checkId: check.id,
        state: 'unknown',
        reason: reason ?? 'The check could not decide',
        evidence: [],
      };
    case 'not-applicable':
      return {
        checkId: check.id,
        state: 'not-applicable',
        reason: reason ?? NOT_APPLICABLE_REASON,
        evidence: [],
      };
    default:
      return {
        checkId: check.id,
        state: 'unknown',
        reason: `The check returned an invalid state: ${truncate(
          String(outcome.state),
        )}`,
        evidence: [],
      };
  }
}
