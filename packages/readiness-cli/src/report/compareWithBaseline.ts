import { InputError } from '@backstage/errors';
import { isRecord, type CheckState } from '@prodready/plugin-readiness-common';
import type { ScoreReport } from './ScoreReport';

/**
 * One entity of a baseline: its level and the state (and reason) of each
 * check, as a previous `readiness score --format json` wrote them.
 *
 * @public
 */
export interface BaselineEntity {
  entityRef: string;
  level: string | null;
  results: Record<string, { state: string; reason: string }>;
}

/**
 * A previous run to compare with: from a JSON file (`--baseline`) or from
 * scoring the files at a git ref (`--baseline-ref`).
 *
 * @public
 */
export interface Baseline {
  /** e.g. `baseline.json` or `git ref origin/main`. */
  source: string;
  entities: Map<string, BaselineEntity>;
}

/**
 * A change of one entity since the baseline: a check (`checkId`) or its
 * level (no `checkId`).
 *
 * @public
 */
export interface BaselineChange {
  entityRef: string;
  checkId?: string;
  from: string;
  to: string;
}

/**
 * SARIF's `baselineState` of a failing result (or of a fixed one,
 * `absent`).
 *
 * @public
 */
export type BaselineState = 'new' | 'unchanged' | 'updated' | 'absent';

/**
 * What changed since the baseline, per entity and check: a regression
 * cannot hide under an improvement elsewhere.
 *
 * @public
 */
export interface BaselineComparison {
  source: string;
  /** A check that passed (or was exempt) and now does not; a level drop. */
  regressions: BaselineChange[];
  /** A check that did not pass and now does; a level rise. */
  improvements: BaselineChange[];
  /** Entities not in the baseline (new: nothing to regress from). */
  newEntities: string[];
  /** Checks that failed in the baseline and no longer fail, per entity. */
  fixed: BaselineChange[];
  /** The baseline state of each failing result, by `entityRef#checkId`. */
  states: Map<string, BaselineState>;
}

const PASSING: ReadonlySet<string> = new Set(['pass', 'exempt']);

/**
 * Reads a baseline from the text of a `readiness score --format json`
 * output.
 *
 * @param text - the JSON text
 * @param source - the file name, for messages
 * @throws InputError naming the file when it is not such an output
 * @public
 */
export function parseBaseline(text: string, source: string): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InputError(
      `--baseline ${source} is not JSON (${
        (error as Error).message
      }); write it with readiness score --format json`,
    );
  }
  if (!isRecord(data) || !Array.isArray(data.entities)) {
    throw new InputError(
      `--baseline ${source} is not the output of readiness score --format json (no "entities" list)`,
    );
  }
  const entities = new Map<string, BaselineEntity>();
  for (const item of data.entities) {
    if (!isRecord(item) || typeof item.entityRef !== 'string') {
      continue;
    }
    const results: BaselineEntity['results'] = {};
    for (const result of Array.isArray(item.results) ? item.results : []) {
      if (
        isRecord(result) &&
        typeof result.checkId === 'string' &&
        typeof result.state === 'string'
      ) {
        results[result.checkId] = {
          state: result.state,
          reason: typeof result.reason === 'string' ? result.reason : '',
        };
      }
    }
    entities.set(item.entityRef, {
      entityRef: item.entityRef,
      level: typeof item.level === 'string' ? item.level : null,
      results,
    });
  }
  return { source, entities };
}

/**
 * The baseline of a report (to compare a later run with), as its JSON
 * output would give it.
 *
 * @public
 */
export function baselineOfReport(
  report: ScoreReport,
  source: string,
): Baseline {
  return {
    source,
    entities: new Map(
      report.entities.map(entity => [
        entity.entityRef,
        {
          entityRef: entity.entityRef,
          level: entity.scorecard.level ?? null,
          results: Object.fromEntries(
            entity.scorecard.results.map(r => [
              r.checkId,
              { state: r.state, reason: r.reason },
            ]),
          ),
        },
      ]),
    ),
  };
}

function failingState(
  before: { state: string; reason: string } | undefined,
  now: { state: CheckState; reason: string },
): BaselineState {
  if (!before || before.state !== 'fail') {
    return 'new';
  }
  return before.reason === now.reason ? 'unchanged' : 'updated';
}

/**
 * Compares a report with a baseline, per entity and check. A regression is
 * a check that was `pass` or `exempt` and is now anything but those or
 * `not-applicable`, or a level lower than the baseline's. Entities new
 * since the baseline have nothing to regress from.
 *
 * @public
 */
export function compareWithBaseline(
  report: ScoreReport,
  baseline: Baseline,
): BaselineComparison {
  const levels = report.pack.levels.map(l => l.id);
  const rank = (level: string | null | undefined) =>
    level ? levels.indexOf(level) : -1;
  const comparison: BaselineComparison = {
    source: baseline.source,
    regressions: [],
    improvements: [],
    newEntities: [],
    fixed: [],
    states: new Map(),
  };
  for (const entity of report.entities) {
    const before = baseline.entities.get(entity.entityRef);
    const { entityRef, scorecard } = entity;
    if (!before) {
      comparison.newEntities.push(entityRef);
      for (const result of scorecard.results) {
        if (result.state === 'fail') {
          comparison.states.set(`${entityRef}#${result.checkId}`, 'new');
        }
      }
      continue;
    }
    const levelBefore = rank(before.level);
    const levelNow = rank(scorecard.level);
    const levelChange = {
      entityRef,
      from: before.level ?? 'none',
      to: scorecard.level ?? 'none',
    };
    if (levelNow < levelBefore) {
      comparison.regressions.push(levelChange);
    } else if (levelNow > levelBefore) {
      comparison.improvements.push(levelChange);
    }
    for (const result of scorecard.results) {
      const { checkId, state } = result;
      const previous = before.results[checkId];
      const change = {
        entityRef,
        checkId,
        from: previous?.state ?? 'absent',
        to: state,
      };
      if (state === 'fail') {
        comparison.states.set(
          `${entityRef}#${checkId}`,
          failingState(previous, result),
        );
      } else if (previous?.state === 'fail') {
        comparison.fixed.push(change);
      }
      if (!previous) {
        continue;
      }
      const passedBefore = PASSING.has(previous.state);
      const passesNow = PASSING.has(state);
      if (passedBefore && !passesNow && state !== 'not-applicable') {
        comparison.regressions.push(change);
      } else if (
        !passedBefore &&
        passesNow &&
        previous.state !== 'not-applicable'
      ) {
        comparison.improvements.push(change);
      }
    }
  }
  return comparison;
}

/**
 * One line for a change, e.g. `component:default/a: delivery.ci pass → fail`.
 *
 * @public
 */
export function describeChange(change: BaselineChange): string {
  return `${change.entityRef}: ${change.checkId ?? 'level'} ${change.from} → ${
    change.to
  }`;
}
