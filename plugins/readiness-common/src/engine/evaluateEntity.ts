import type {
  CheckResult,
  EntityScorecard,
  Evidence,
  Exemption,
  FactDocument,
} from '../types';
import { EVIDENCE_STRENGTHS } from '../types';
import type { CheckPack } from '../pack/CheckPack';
import * as factsView from '../rules/FactsView';
import { FactsView } from '../rules/FactsView';
import * as ruleValues from '../rules/RuleNode';
import type { RuleNode, RuleScratch } from '../rules/RuleNode';
import * as exemptionsModule from './activeExemptions';
import { decideAttested } from './decideAttested';
import type { CompiledCheck, CompiledPack } from './compileChecks';
import * as packModule from './compileCheckPack';
import { compileCheckPack, CompiledCheckPack } from './compileCheckPack';
import type { EvaluationMemo } from './EvaluationMemo';
import * as codeRule from './runCodeRule';
import * as summary from './summarizeResults';

// Local copies of hot imported bindings: tsx and jest read an imported
// binding through getters on every access (see RuleNode.ts).
const { isRecord, NS_NOT_CONFIGURED, NS_OK, NS_UNAVAILABLE, truncate } =
  factsView;
const { ABSENT, FAIL, PASS, UNKNOWN } = ruleValues;
const { MAX_EVIDENCE, NOT_APPLICABLE_REASON, runCodeRule } = codeRule;
const { summarizeResults } = summary;
const { activeExemptions } = exemptionsModule;
const { readCompiledPack } = packModule;

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

/** What the checks of one entity share while it is evaluated. */
interface EntityRun {
  compiled: CompiledPack;
  memo: EvaluationMemo;
  view: FactsView;
  /** Per `appliesTo` predicate: 1 applies, 0 does not, 2 undecidable. */
  applies: number[];
  exemptions: Map<string, Exemption> | undefined;
  scratch: RuleScratch;
  /** The time of evaluation, in ms. */
  now: number;
}

function evaluateCheck(check: CompiledCheck, run: EntityRun): CheckResult {
  const { compiled, memo, view, applies, exemptions } = run;
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
        reason: memo.capitalize(view.problem('entity')),
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
  const result = decide(check, run);
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

/** Why a rule is undecided: what its leaves said, then unavailable facts. */
function undecidedReason(notes: readonly string[], problems: string): string {
  if (notes.length === 0) {
    return problems;
  }
  const said = [...new Set(notes)].join('; ');
  return problems ? `${said}; ${problems}` : said;
}

/**
 * A passing check with an `observe` rule: the pass stands when reality shows
 * it (its evidence added as `observed`) or cannot tell (its facts are not
 * there); it is `claimed` when the facts are there and do not show it.
 */
function observe(
  check: CompiledCheck,
  rule: RuleNode,
  run: EntityRun,
  evidence: Evidence[],
): CheckResult {
  const { scratch } = run;
  const seen: Evidence[] = [];
  scratch.evidence = seen;
  scratch.unknown.length = 0;
  scratch.notes.length = 0;
  const value = rule(run.view, scratch);
  if (value === FAIL) {
    return {
      checkId: check.id,
      state: 'claimed',
      reason: withNotes(check.claimed, scratch.notes),
      evidence,
    };
  }
  if (value !== PASS || seen.length === 0) {
    return { checkId: check.id, state: 'pass', reason: check.pass, evidence };
  }
  // What was observed first: it is the strongest evidence.
  const all = seen.map(
    (item): Evidence => ({ ...item, strength: item.strength ?? 'observed' }),
  );
  for (const item of evidence) {
    // The rule may have passed on the same live facts.
    if (!seen.some(s => s.label === item.label && s.value === item.value)) {
      all.push(item);
    }
  }
  if (all.length > MAX_EVIDENCE) {
    all.length = MAX_EVIDENCE;
  }
  return {
    checkId: check.id,
    state: 'pass',
    reason: check.pass,
    evidence: all,
  };
}

/**
 * A failed rule's warning band: when `warnRule` holds, a `warn` result whose
 * reason says what was found, e.g. `Warning: coverage below 80% (in the
 * warning band: pushed.coverage is 72)`.
 */
function warningBand(
  check: CompiledCheck,
  run: EntityRun,
  evidence: Evidence[],
): CheckResult | undefined {
  const { view, scratch } = run;
  const found: Evidence[] = [];
  scratch.evidence = found;
  const value = check.warnRule!(view, scratch);
  scratch.evidence = evidence;
  if (value !== PASS) {
    return undefined;
  }
  const seen = found
    .filter(e => e.value !== undefined)
    .slice(0, 3)
    .map(e => `${e.label} is ${e.value}`)
    .join(', ');
  const base = check.warn ?? `Warning: ${check.fail}`;
  return {
    checkId: check.id,
    state: 'warn',
    reason: `${base} (in the warning band${seen ? `: ${seen}` : ''})`,
    evidence: found.slice(0, MAX_EVIDENCE),
  };
}

const STRENGTH_RANK: Readonly<Record<string, number>> = {
  observed: 0,
  declared: 1,
  hint: 2,
};

/**
 * Whether a pass rests on evidence at least as strong as `min` (an index of
 * `EVIDENCE_STRENGTHS`). Evidence without a strength (code rules, results
 * written before strengths) counts as declared; a pass without evidence
 * (e.g. a `not` rule) stands.
 */
function strongEnough(evidence: readonly Evidence[], min: number): boolean {
  if (evidence.length === 0) {
    return true;
  }
  for (let i = 0; i < evidence.length; i++) {
    const strength = evidence[i].strength;
    if ((strength === undefined ? 1 : STRENGTH_RANK[strength]) <= min) {
      return true;
    }
  }
  return false;
}

/** A pass on evidence weaker than the check needs. */
function tooWeak(check: CompiledCheck, evidence: Evidence[]): CheckResult {
  const needed = EVIDENCE_STRENGTHS[check.minStrength];
  return {
    checkId: check.id,
    state: 'fail',
    reason: `${check.fail} (the evidence found is weaker than ${needed}, which this check needs)`,
    evidence,
  };
}

/** Decides a check that applies: requires, then the rule. */
function decide(check: CompiledCheck, run: EntityRun): CheckResult {
  const { memo, view, scratch } = run;
  for (let i = 0; i < check.requires.length; i++) {
    const namespace = check.requires[i];
    const state = view.state(namespace);
    if (state !== NS_OK) {
      const result: CheckResult = {
        checkId: check.id,
        state: 'unknown',
        reason: memo.capitalize(view.problem(namespace)),
        evidence: [],
      };
      if (state === NS_NOT_CONFIGURED) {
        result.notConfigured = true;
      }
      return result;
    }
  }
  if (check.attestedDays !== undefined) {
    return decideAttested(check, view, run.now);
  }
  if (check.code) {
    const result = runCodeRule(check, view.facts);
    return result.state === 'pass' &&
      !strongEnough(result.evidence, check.minStrength)
      ? tooWeak(check, result.evidence)
      : result;
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
      if (check.observe) {
        // Reality first: a claim it contradicts is `claimed`; what it shows
        // is observed evidence, which a minimum strength may need.
        const observed = observe(check, check.observe, run, evidence);
        if (
          observed.state !== 'pass' ||
          strongEnough(observed.evidence, check.minStrength)
        ) {
          return observed;
        }
        return tooWeak(check, observed.evidence);
      }
      return strongEnough(evidence, check.minStrength)
        ? { checkId: check.id, state: 'pass', reason: check.pass, evidence }
        : tooWeak(check, evidence);
    case FAIL:
      if (check.warnRule) {
        const band = warningBand(check, run, evidence);
        if (band) {
          return band;
        }
      }
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
        reason: memo.capitalize(
          undecidedReason(
            scratch.notes,
            namespaceProblems(view, scratch.unknown, NS_UNAVAILABLE),
          ),
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

/**
 * Evaluates every check of a compiled pack (see {@link compileCheckPack})
 * against one entity's facts: a result per check (in pack order), the
 * score, the level and a summary per category. Compile the pack once and
 * evaluate every entity with it (a `CheckPack` passed from plain JavaScript
 * is compiled for the one call: correct, but slow).
 *
 * Pure and synchronous; never throws: malformed facts read as absent, a code
 * rule that throws or a malformed check gives `unknown` with the reason.
 *
 * - A check whose `appliesTo` does not match is `not-applicable`.
 * - A `requires` namespace that is not `ok` makes it `unknown`.
 * - Otherwise the rule decides `pass` or `fail`; it is `unknown` when a
 *   namespace it needs is `unavailable` and nothing else decides.
 * - A pass of a check with `observe` becomes `claimed` when the live facts
 *   are there and do not show what the catalog claims.
 * - An active exemption then makes an applicable check `exempt` (keeping
 *   the evidence found; a code rule answering `not-applicable` wins).
 *
 * **Score**: weighted share of `pass`/`exempt` among decided applicable
 * checks (`pass`, `exempt`, `fail`, `claimed`), 0–100, rounded; `unknown` and
 * `not-applicable` are left out, so a missing metrics provider does not
 * lower scores. 0 when nothing is decided.
 *
 * **Level**: the highest level such that every applicable check of that
 * level and all lower levels is `pass` or `exempt` (`unknown` and `fail`
 * and `claimed` block; `not-applicable` is ignored), and that has at least one applicable
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
  pack: CompiledCheckPack,
  facts: FactDocument,
  options?: EvaluateEntityOptions,
): EntityScorecard {
  const now =
    options?.now instanceof Date && !Number.isNaN(options.now.getTime())
      ? options.now
      : new Date();
  const entityRef =
    isRecord(facts) && typeof facts.entityRef === 'string'
      ? facts.entityRef
      : '';
  // A pack passed uncompiled (from plain JavaScript) is compiled for this
  // one call: correct, but slow.
  const { compiled, memo } =
    readCompiledPack(pack) ??
    readCompiledPack(compileCheckPack(pack as unknown as CheckPack))!;
  const evaluatedAt = memo.isoOf(now);
  const checks = compiled.checks;
  try {
    const run: EntityRun = {
      compiled,
      memo,
      view: new FactsView(facts, memo.problems),
      applies: [],
      exemptions: activeExemptions(
        options?.exemptions,
        entityRef,
        now.getTime(),
      ),
      scratch: { evidence: [], unknown: [], notes: [] },
      now: now.getTime(),
    };
    const results = new Array<CheckResult>(checks.length);
    for (let i = 0; i < checks.length; i++) {
      try {
        results[i] = evaluateCheck(checks[i], run);
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
    return summarizeResults(compiled, memo, results, entityRef, evaluatedAt);
  } catch (error) {
    const reason = `Evaluation failed: ${truncate(
      String((error as Error)?.message ?? error),
    )}`;
    return summarizeResults(
      compiled,
      memo,
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
