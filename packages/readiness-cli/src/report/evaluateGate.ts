import { InputError } from '@backstage/errors';
import {
  CheckPack,
  CheckState,
  EntityScorecard,
  compareLevels,
} from '@prodready/plugin-readiness-common';
import type { GateResult, ScoredEntity } from './ScoreReport';

/**
 * States that fail a gate on a named check (`--fail-on`): a fail, and a claim
 * reality does not show. A warning does not fail a named check; it still holds
 * the level back, so `--min-level` sees it through the engine's level.
 */
const FAILING: readonly CheckState[] = ['fail', 'claimed'];

/**
 * The bar of `--min-level`, `--fail-on` and `--strict`.
 *
 * @public
 */
export interface GateOptions {
  minLevel?: string;
  failOn?: string[];
  /**
   * Whether `unknown` results block `minLevel` (the engine's level must
   * reach it). Default false: only `fail` results block it.
   */
  strict?: boolean;
}

/**
 * Checks the options of the gate against the pack, before anything is scored.
 *
 * @throws InputError for a level or check id the pack does not have
 * @public
 */
export function validateGateOptions(pack: CheckPack, options: GateOptions) {
  const { minLevel, failOn = [] } = options;
  if (minLevel !== undefined && !pack.levels.some(l => l.id === minLevel)) {
    throw new InputError(
      `Unknown level "${minLevel}" in --min-level; expected one of ${pack.levels
        .map(l => l.id)
        .join(', ')}`,
    );
  }
  for (const checkId of failOn) {
    assertKnownCheck(pack, checkId, '--fail-on');
  }
}

/**
 * Throws a clear error when `checkId` is not in the pack, suggesting close ids.
 *
 * @throws InputError naming the option and the unknown id
 * @public
 */
export function assertKnownCheck(
  pack: CheckPack,
  checkId: string,
  option: string,
): void {
  if (pack.checks.some(c => c.id === checkId)) {
    return;
  }
  const word = checkId.toLocaleLowerCase('en-US').split('.').pop() ?? checkId;
  const similar = pack.checks
    .map(c => c.id)
    .filter(id => word && id.toLocaleLowerCase('en-US').includes(word))
    .slice(0, 3);
  const hint =
    similar.length > 0
      ? `; did you mean ${similar.join(', ')}?`
      : '; run "readiness checks" to list the check ids';
  throw new InputError(`Unknown check id "${checkId}" in ${option}${hint}`);
}

/**
 * The checks of a scorecard in `state` (or one of several states) whose level is at or below `level`.
 *
 * @public
 */
export function checksUpTo(
  pack: CheckPack,
  scorecard: EntityScorecard,
  level: string,
  state: CheckState | readonly CheckState[],
): string[] {
  const states: readonly CheckState[] = Array.isArray(state)
    ? state
    : [state as CheckState];
  const levelOf = new Map(pack.checks.map(c => [c.id, c.level]));
  return scorecard.results
    .filter(
      r =>
        states.includes(r.state) &&
        compareLevels(pack, levelOf.get(r.checkId) ?? level, level) <= 0,
    )
    .map(r => r.checkId);
}

/**
 * The highest level an entity reaches when its `unknown` results are taken
 * as passing: the level it has unless an undecided check turns out to fail.
 * Offline, ownership checks whose owner is not in the files and checks of
 * live metrics are `unknown`; this is the level the CLI can vouch against.
 *
 * @public
 */
export function levelIfUnknownPass(
  pack: CheckPack,
  scorecard: EntityScorecard,
): string | undefined {
  if (!scorecard.results.some(r => r.state === 'unknown')) {
    return scorecard.level;
  }
  let reached: string | undefined = undefined;
  for (const level of pack.levels) {
    if (checksUpTo(pack, scorecard, level.id, FAILING).length > 0) {
      break;
    }
    reached = level.id;
  }
  return reached;
}

/**
 * Decides the CI gate. An entity fails it when:
 *
 * - `minLevel` is set and a check of that level or lower is `fail` or
 *   `claimed` (claimed, not observed) (with
 *   `strict`, also when one is `unknown`);
 * - one of the `failOn` checks is `fail` or `claimed`.
 *
 * `exempt` and `not-applicable` results never fail the gate.
 *
 * @public
 */
export function evaluateGate(
  pack: CheckPack,
  entities: ScoredEntity[],
  options: GateOptions,
): GateResult {
  const { minLevel, failOn = [], strict = false } = options;
  const failures: GateResult['failures'] = [];
  for (const { entityRef, scorecard } of entities) {
    if (minLevel !== undefined) {
      const failing = checksUpTo(pack, scorecard, minLevel, FAILING);
      const undecided = strict
        ? checksUpTo(pack, scorecard, minLevel, 'unknown')
        : [];
      if (failing.length > 0) {
        failures.push({
          entityRef,
          reason: `below ${minLevel}: failing ${failing.join(', ')}`,
        });
      } else if (undecided.length > 0) {
        failures.push({
          entityRef,
          reason: `below ${minLevel} (--strict): undecided ${undecided.join(
            ', ',
          )}`,
        });
      }
    }
    for (const checkId of failOn) {
      const result = scorecard.results.find(r => r.checkId === checkId);
      if (result && FAILING.includes(result.state)) {
        failures.push({
          entityRef,
          checkId,
          reason: `${checkId} fails: ${result.reason}`,
        });
      }
    }
  }
  return {
    minLevel,
    failOn,
    strict,
    passed: failures.length === 0,
    failures,
  };
}
