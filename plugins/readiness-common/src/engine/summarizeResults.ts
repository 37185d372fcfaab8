import {
  NON_OPERATIONAL_CATEGORIES,
  type CategorySummary,
  type CheckResult,
  type EntityScorecard,
} from '../types';
import type { CompiledPack } from './compileChecks';
import { levelApplicability } from './levelApplicability';
import type { EvaluationMemo } from './EvaluationMemo';

/**
 * The scorecard of an entity from its results (in pack order): score, level
 * reached, next level and its blocking checks, and a summary per category.
 * See `evaluateEntity` for the rules.
 *
 * @internal
 */
export function summarizeResults(
  compiled: CompiledPack,
  memo: EvaluationMemo,
  results: CheckResult[],
  entityRef: string,
  evaluatedAt: string,
): EntityScorecard {
  const { checks, levels, categories } = compiled;
  const n = categories.length;
  // Per category: passed, failed, unknown, applicable, pass weight, decided weight.
  const counts = memo.counts(n * 6 + levels.length);
  const applicableAtLevel = n * 6;
  let totalPass = 0;
  let totalDecided = 0;
  let firstBlocked = levels.length;
  let operational = false;

  for (let i = 0; i < results.length; i++) {
    const state = results[i].state;
    if (state === 'not-applicable') {
      continue;
    }
    const check = checks[i];
    if (check.advisory) {
      // Shown with its result, but a check being rolled out neither lowers
      // the score nor blocks a level until it is promoted.
      continue;
    }
    if (!NON_OPERATIONAL_CATEGORIES.includes(check.category)) {
      operational = true;
    }
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
    if (state === 'fail' || state === 'claimed' || state === 'warn') {
      // A warning is decided and not passing: it lowers the score and
      // blocks its level like a failure.
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
        !checks[i].advisory &&
        (state === 'fail' ||
          state === 'claimed' ||
          state === 'warn' ||
          state === 'unknown') &&
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

  const score =
    totalDecided > 0 ? Math.round((totalPass / totalDecided) * 100) : 0;
  if (!operational) {
    // Only ownership-like checks apply (an API, a System, a Group): a level
    // over them would claim a readiness nothing measured.
    return {
      entityRef,
      score,
      ...levelApplicability(summaries.map(s => s.category)),
      blockingCheckIds: [],
      results,
      categories: summaries,
      evaluatedAt,
    };
  }
  return {
    entityRef,
    score,
    level: achieved >= 0 ? levels[achieved] : undefined,
    nextLevel,
    blockingCheckIds,
    results,
    categories: summaries,
    evaluatedAt,
  };
}
