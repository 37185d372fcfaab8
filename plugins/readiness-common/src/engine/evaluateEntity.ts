import type {
  CategorySummary,
  CheckResult,
  EntityScorecard,
  Evidence,
  Exemption,
  FactDocument,
} from '../types';
import type { CheckPack } from '../pack/CheckPack';
import { ABSENT, FAIL, PASS, RuleScratch, UNKNOWN } from '../rules/RuleNode';
import {
  FactsView,
  isRecord,
  NS_NOT_CONFIGURED,
  NS_OK,
  NS_UNAVAILABLE,
  truncate,
} from '../rules/FactsView';
import type { CompiledCheck, CompiledPack } from './compileCheckPack';
import { getCompiledPack } from './compiledPacks';
import { isSafeUrl } from '../rules/isSafeUrl';

/**
 * Options of {@link evaluateEntity}.
 *
 * @public
 */
export interface EvaluateEntityOptions {
  /**
   * Exemptions to apply. Only those whose `entityRef` equals the fact
   * document's (case-insensitively) and whose `expiresAt` is absent or after
   * `now` apply; pass the entity's own exemptions.
   */
  exemptions?: Exemption[];
  /** The time of evaluation; defaults to the current time. */
  now?: Date;
}

/** Evidence items kept per check result. */
const MAX_EVIDENCE = 10;

const NOT_APPLICABLE_REASON = 'Does not apply to this entity';

const VALID_EVIDENCE_KINDS: ReadonlySet<string> = new Set([
  'annotation',
  'link',
  'file',
  'dependency',
  'series',
  'relation',
  'field',
  'label',
  'tag',
]);

const capitalized = new Map<string, string>();

/** Sentence case, memoised: the same reasons recur for every entity. */
function capitalize(text: string): string {
  let result = capitalized.get(text);
  if (result === undefined) {
    result = text.length > 0 ? text[0].toUpperCase() + text.slice(1) : text;
    if (text.length <= 500) {
      if (capitalized.size >= 1000) {
        capitalized.clear();
      }
      capitalized.set(text, result);
    }
  }
  return result;
}

let lastNow: Date | undefined;
let lastTime = NaN;
let lastIso = '';

/** `now.toISOString()`, memoised for the common case of one `now` per run. */
function isoOf(now: Date): string {
  const time = now.getTime();
  if (now !== lastNow || time !== lastTime) {
    lastNow = now;
    lastTime = time;
    lastIso = now.toISOString();
  }
  return lastIso;
}

function namespaceProblems(
  view: FactsView,
  namespaces: readonly string[],
  wanted: number,
  brief = false,
): string {
  let text = '';
  const seen: string[] = [];
  for (const namespace of namespaces) {
    if (seen.includes(namespace) || view.state(namespace) !== wanted) {
      continue;
    }
    seen.push(namespace);
    const problem = view.problem(namespace, brief);
    text = text ? `${text}; ${problem}` : problem;
  }
  return text;
}

function activeExemptions(
  exemptions: unknown,
  entityRef: string,
  now: number,
): Map<string, Exemption> | undefined {
  if (!Array.isArray(exemptions) || exemptions.length === 0) {
    return undefined;
  }
  const ref = entityRef.toLowerCase();
  let active: Map<string, Exemption> | undefined;
  for (const exemption of exemptions) {
    if (
      !isRecord(exemption) ||
      typeof exemption.checkId !== 'string' ||
      typeof exemption.entityRef !== 'string' ||
      exemption.entityRef.toLowerCase() !== ref
    ) {
      continue;
    }
    if (exemption.expiresAt !== undefined && exemption.expiresAt !== null) {
      const expires =
        typeof exemption.expiresAt === 'string'
          ? Date.parse(exemption.expiresAt)
          : NaN;
      if (!(expires > now)) {
        continue;
      }
    }
    active = active ?? new Map();
    active.set(exemption.checkId, exemption as unknown as Exemption);
  }
  return active;
}

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
    if (isSafeUrl(item.url, { mailto: true })) {
      clean.url = item.url;
    }
    result.push(clean);
  }
  return result;
}

function runCodeRule(check: CompiledCheck, facts: FactDocument): CheckResult {
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

function evaluateCheck(
  check: CompiledCheck,
  compiled: CompiledPack,
  view: FactsView,
  applies: number[],
  exemptions: Map<string, Exemption> | undefined,
  scratch: RuleScratch,
): CheckResult {
  if (check.invalid) {
    return {
      checkId: check.id,
      state: 'unknown',
      reason: check.invalid,
      evidence: [],
    };
  }
  if (check.appliesTo >= 0) {
    if (view.state('entity') !== NS_OK) {
      return {
        checkId: check.id,
        state: 'unknown',
        reason: capitalize(view.problem('entity')),
        evidence: [],
      };
    }
    let applied = applies[check.appliesTo];
    if (applied === undefined) {
      try {
        applied = compiled.predicates[check.appliesTo](view.entity()) ? 1 : 0;
      } catch {
        applied = 2;
      }
      applies[check.appliesTo] = applied;
    }
    if (applied === 0) {
      return {
        checkId: check.id,
        state: 'not-applicable',
        reason: NOT_APPLICABLE_REASON,
        evidence: [],
      };
    }
    if (applied === 2) {
      return {
        checkId: check.id,
        state: 'unknown',
        reason: 'Could not tell whether the check applies to this entity',
        evidence: [],
      };
    }
  }
  const result = decide(check, view, scratch);
  const exemption = exemptions?.get(check.id);
  if (!exemption || result.state === 'not-applicable') {
    return result;
  }
  const until =
    typeof exemption.expiresAt === 'string'
      ? ` (until ${exemption.expiresAt.slice(0, 10)})`
      : '';
  const why =
    typeof exemption.reason === 'string' && exemption.reason
      ? truncate(exemption.reason)
      : 'no reason given';
  return {
    checkId: check.id,
    state: 'exempt',
    reason: `Exempt: ${why}${until}`,
    evidence: result.evidence,
    exemption,
  };
}

/**
 * A fail reason with the notes of candidates that were not counted, e.g.
 * `No runbook linked (unsafe link scheme: link "Runbook" is not counted)`.
 */
function withNotes(reason: string, notes: readonly string[]): string {
  if (notes.length === 0) {
    return reason;
  }
  return `${reason} (${[...new Set(notes)].join('; ')})`;
}

/** Decides a check that applies: requires, then the rule. */
function decide(
  check: CompiledCheck,
  view: FactsView,
  scratch: RuleScratch,
): CheckResult {
  for (let i = 0; i < check.requires.length; i++) {
    const namespace = check.requires[i];
    const state = view.state(namespace);
    if (state !== NS_OK) {
      const result: CheckResult = {
        checkId: check.id,
        state: 'unknown',
        reason: capitalize(view.problem(namespace)),
        evidence: [],
      };
      if (state === NS_NOT_CONFIGURED) {
        result.notConfigured = true;
      }
      return result;
    }
  }
  if (check.code) {
    return runCodeRule(check, view.facts);
  }
  const evidence: Evidence[] = [];
  scratch.evidence = evidence;
  if (scratch.unknown.length > 0) {
    scratch.unknown.length = 0;
  }
  if (scratch.notes.length > 0) {
    scratch.notes.length = 0;
  }
  const value = check.rule!(view, scratch);
  if (evidence.length > MAX_EVIDENCE) {
    evidence.length = MAX_EVIDENCE;
  }
  switch (value) {
    case PASS:
      return { checkId: check.id, state: 'pass', reason: check.pass, evidence };
    case FAIL:
      return {
        checkId: check.id,
        state: 'fail',
        reason: withNotes(check.fail, scratch.notes),
        evidence,
      };
    case UNKNOWN:
      return {
        checkId: check.id,
        state: 'unknown',
        reason: capitalize(
          namespaceProblems(view, scratch.unknown, NS_UNAVAILABLE),
        ),
        evidence: [],
      };
    case ABSENT:
    default:
      return {
        checkId: check.id,
        state: 'fail',
        reason: withNotes(
          `${check.fail} (not checked: ${namespaceProblems(
            view,
            scratch.unknown,
            NS_NOT_CONFIGURED,
            true,
          )})`,
          scratch.notes,
        ),
        evidence,
      };
  }
}

let buffer = new Float64Array(64);

/**
 * A zeroed buffer for `summarize`, reused between calls (it runs to the end
 * without calling out, so it is never used twice at once).
 */
function scratchBuffer(size: number): Float64Array {
  if (buffer.length < size) {
    buffer = new Float64Array(size * 2);
  }
  buffer.fill(0, 0, size);
  return buffer;
}

function summarize(
  compiled: CompiledPack,
  results: CheckResult[],
  entityRef: string,
  evaluatedAt: string,
): EntityScorecard {
  const { checks, levels, categories } = compiled;
  const n = categories.length;
  // Per category: passed, failed, unknown, applicable, pass weight, decided weight.
  const counts = scratchBuffer(n * 6 + levels.length);
  const applicableAtLevel = n * 6;
  let totalPass = 0;
  let totalDecided = 0;
  let firstBlocked = levels.length;

  for (let i = 0; i < results.length; i++) {
    const state = results[i].state;
    if (state === 'not-applicable') {
      continue;
    }
    const check = checks[i];
    if (results[i].notConfigured) {
      // Shown as unknown and left out of the score, but no provider can ever
      // decide it here, so it neither blocks nor makes up a level.
      counts[check.categoryIndex * 6 + 2] += 1;
      counts[check.categoryIndex * 6 + 3] += 1;
      continue;
    }
    const c = check.categoryIndex * 6;
    counts[c + 3] += 1;
    if (check.levelIndex >= 0) {
      counts[applicableAtLevel + check.levelIndex] += 1;
    }
    if (state === 'pass' || state === 'exempt') {
      counts[c] += 1;
      counts[c + 4] += check.weight;
      counts[c + 5] += check.weight;
      totalPass += check.weight;
      totalDecided += check.weight;
      continue;
    }
    if (state === 'fail') {
      counts[c + 1] += 1;
      counts[c + 5] += check.weight;
      totalDecided += check.weight;
    } else {
      counts[c + 2] += 1;
    }
    if (check.levelIndex >= 0 && check.levelIndex < firstBlocked) {
      firstBlocked = check.levelIndex;
    }
  }

  // The level reached: the highest level below the first blocked one that
  // has at least one applicable check (an entity does not reach a level by
  // having nothing to prove there).
  let achieved = -1;
  for (let l = 0; l < firstBlocked; l++) {
    if (counts[applicableAtLevel + l] > 0) {
      achieved = l;
    }
  }
  let nextLevel: string | undefined;
  const blockingCheckIds: string[] = [];
  if (firstBlocked < levels.length) {
    nextLevel = levels[firstBlocked];
    for (let i = 0; i < results.length; i++) {
      const state = results[i].state;
      if (
        checks[i].levelIndex === firstBlocked &&
        (state === 'fail' || state === 'unknown') &&
        !results[i].notConfigured
      ) {
        blockingCheckIds.push(checks[i].id);
      }
    }
  }

  const summaries: CategorySummary[] = [];
  for (let k = 0; k < n; k++) {
    const c = k * 6;
    if (counts[c + 3] === 0) {
      continue;
    }
    summaries.push({
      category: categories[k],
      passed: counts[c],
      failed: counts[c + 1],
      unknown: counts[c + 2],
      applicable: counts[c + 3],
      score:
        counts[c + 5] > 0
          ? Math.round((counts[c + 4] / counts[c + 5]) * 100)
          : 0,
    });
  }

  return {
    entityRef,
    score: totalDecided > 0 ? Math.round((totalPass / totalDecided) * 100) : 0,
    level: achieved >= 0 ? levels[achieved] : undefined,
    nextLevel,
    blockingCheckIds,
    results,
    categories: summaries,
    evaluatedAt,
  };
}

/**
 * Evaluates every check of a pack against one entity's facts: a result per
 * check (in pack order), the score, the level and a summary per category.
 *
 * Pure and synchronous; never throws: malformed facts read as absent, a code
 * rule that throws or a malformed check gives `unknown` with the reason.
 *
 * - A check whose `appliesTo` does not match is `not-applicable`.
 * - A `requires` namespace that is not `ok` makes it `unknown`.
 * - Otherwise the rule decides `pass` or `fail`; it is `unknown` when a
 *   namespace it needs is `unavailable` and nothing else decides.
 * - An active exemption then makes an applicable check `exempt` (keeping
 *   the evidence found; a code rule answering `not-applicable` wins).
 *
 * **Score**: weighted share of `pass`/`exempt` among decided applicable
 * checks (`pass`, `exempt`, `fail`), 0–100, rounded; `unknown` and
 * `not-applicable` are left out, so a missing metrics provider does not
 * lower scores. 0 when nothing is decided.
 *
 * **Level**: the highest level such that every applicable check of that
 * level and all lower levels is `pass` or `exempt` (`unknown` and `fail`
 * block; `not-applicable` is ignored), and that has at least one applicable
 * check: a library, to which only bronze checks apply, tops out at bronze.
 * An `unknown` whose required namespace is `not-configured` (no provider in
 * this installation, e.g. no metrics module) is marked `notConfigured` and
 * ignored by the level rule like `not-applicable`: an `unavailable`
 * namespace (a provider that failed this time) still blocks.
 * No level when no check applies. `nextLevel` is the lowest level with a
 * blocking check, and `blockingCheckIds` are its `fail`/`unknown` checks;
 * both are absent/empty when nothing blocks.
 *
 * @public
 */
export function evaluateEntity(
  pack: CheckPack,
  facts: FactDocument,
  options?: EvaluateEntityOptions,
): EntityScorecard {
  const now =
    options?.now instanceof Date && !Number.isNaN(options.now.getTime())
      ? options.now
      : new Date();
  const evaluatedAt = isoOf(now);
  const entityRef =
    isRecord(facts) && typeof facts.entityRef === 'string'
      ? facts.entityRef
      : '';
  let compiled: CompiledPack;
  try {
    compiled = getCompiledPack(pack);
  } catch {
    return {
      entityRef,
      score: 0,
      blockingCheckIds: [],
      results: [],
      categories: [],
      evaluatedAt,
    };
  }
  const checks = compiled.checks;
  try {
    const view = new FactsView(facts);
    const exemptions = activeExemptions(
      options?.exemptions,
      entityRef,
      now.getTime(),
    );
    const applies: number[] = [];
    const scratch: RuleScratch = { evidence: [], unknown: [], notes: [] };
    const results = new Array<CheckResult>(checks.length);
    for (let i = 0; i < checks.length; i++) {
      try {
        results[i] = evaluateCheck(
          checks[i],
          compiled,
          view,
          applies,
          exemptions,
          scratch,
        );
      } catch (error) {
        results[i] = {
          checkId: checks[i].id,
          state: 'unknown',
          reason: `The check failed to evaluate: ${truncate(
            String((error as Error)?.message ?? error),
          )}`,
          evidence: [],
        };
      }
    }
    return summarize(compiled, results, entityRef, evaluatedAt);
  } catch (error) {
    const reason = `Evaluation failed: ${truncate(
      String((error as Error)?.message ?? error),
    )}`;
    return summarize(
      compiled,
      checks.map(check => ({
        checkId: check.id,
        state: 'unknown',
        reason,
        evidence: [],
      })),
      entityRef,
      evaluatedAt,
    );
  }
}
