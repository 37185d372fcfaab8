import type { CheckResult, PackChangeUnevaluatedCheck } from '../types';
import type { CompiledCheck } from '../engine/compileChecks';
import {
  readCompiledPack,
  type CompiledCheckPack,
} from '../engine/compileCheckPack';
import { summarizeResults } from '../engine/summarizeResults';

/**
 * What is stored of an entity's score with the current pack.
 *
 * @public
 */
export interface StoredLevelInput {
  /** The entity. */
  entityRef: string;
  /** The level reached with the current pack; absent for none. */
  level?: string;
  /** The next level with the current pack; absent at the top or when nothing blocks. */
  nextLevel?: string;
  /** The checks of `nextLevel` that stood in the way. */
  blockingCheckIds: readonly string[];
  /** The latest result of each check (in any order). */
  results: readonly CheckResult[];
}

/**
 * Options of {@link levelFromStoredResults}.
 *
 * @public
 */
export interface LevelFromStoredResultsOptions {
  /** The pack the stored results were computed with. */
  base: CompiledCheckPack;
  /** The proposed pack. */
  proposed: CompiledCheckPack;
  /** Checks of the proposed pack whose stored results do not hold. */
  unevaluated: readonly PackChangeUnevaluatedCheck[];
}

/** A result the preview cannot take as stored: its possible states. */
type Variable = 'evaluate' | 'unknown';

function fixed(
  check: CompiledCheck,
  result: CheckResult,
  base: Map<string, CompiledCheck>,
  blockedAt: number,
  blocking: ReadonlySet<string>,
): CheckResult | Variable {
  if (result.state !== 'unknown') {
    return result;
  }
  // Whether an unknown was "not configured" (no provider: it blocks
  // nothing) is not stored; the stored level tells it when it could matter.
  const before = base.get(check.id);
  if (!before || before.advisory || before.levelIndex < 0) {
    return 'unknown';
  }
  if (before.levelIndex < blockedAt) {
    return { ...result, notConfigured: true };
  }
  if (before.levelIndex === blockedAt) {
    return blocking.has(check.id) ? result : { ...result, notConfigured: true };
  }
  return 'unknown';
}

/**
 * An entity's level with a proposed pack, from the results stored with the
 * current pack, without its facts: exact when the change only re-assigns
 * checks (promote, demote, move to another level, reweigh, rename levels).
 * Checks it cannot evaluate (`unevaluated`, and unknowns whose cause the
 * store does not keep) are tried at their best and worst; when the level
 * differs between them, the answer is `undetermined` naming those checks.
 *
 * @public
 */
export function levelFromStoredResults(
  stored: StoredLevelInput,
  options: LevelFromStoredResultsOptions,
): { level?: string } | { undetermined: string } {
  const base = readCompiledPack(options.base)!.compiled;
  const { compiled, memo } = readCompiledPack(options.proposed)!;
  const baseChecks = new Map(base.checks.map(check => [check.id, check]));
  const results = new Map(stored.results.map(r => [r.checkId, r]));
  const reasons = new Map(options.unevaluated.map(u => [u.checkId, u.reason]));
  const next =
    stored.nextLevel === undefined ? -1 : base.levels.indexOf(stored.nextLevel);
  const blockedAt = next < 0 ? base.levels.length : next;
  const blocking = new Set(stored.blockingCheckIds);

  const slots = compiled.checks.map(check => {
    const result = results.get(check.id);
    if (reasons.has(check.id) || !result) {
      return 'evaluate' as const;
    }
    return fixed(check, result, baseChecks, blockedAt, blocking);
  });
  const scenario = (
    evaluate: CheckResult['state'],
    unknown: 'configured' | 'not-configured',
  ) => {
    const list = compiled.checks.map((check, i): CheckResult => {
      const slot = slots[i];
      if (slot === 'evaluate') {
        return { checkId: check.id, state: evaluate, reason: '', evidence: [] };
      }
      if (slot === 'unknown') {
        return {
          checkId: check.id,
          state: 'unknown',
          reason: '',
          evidence: [],
          ...(unknown === 'not-configured' && { notConfigured: true }),
        };
      }
      return slot;
    });
    return summarizeResults(compiled, memo, list, stored.entityRef, '').level;
  };
  const best = scenario('pass', 'not-configured');
  if (!slots.some(slot => slot === 'evaluate' || slot === 'unknown')) {
    return best === undefined ? {} : { level: best };
  }
  const worst = [
    scenario('fail', 'configured'),
    scenario('not-applicable', 'configured'),
  ];
  if (worst.every(level => level === best)) {
    return best === undefined ? {} : { level: best };
  }
  const why = compiled.checks.flatMap((check, i) => {
    if (slots[i] === 'unknown') {
      return [
        `${check.id} is unknown and the store does not keep whether it would count`,
      ];
    }
    if (slots[i] === 'evaluate') {
      return [
        reasons.get(check.id) ??
          `${check.id} has no stored result for this entity`,
      ];
    }
    return [];
  });
  const shown = why.slice(0, 3).join('; ');
  return {
    undetermined: `Depends on ${shown}${
      why.length > 3 ? ` and ${why.length - 3} more` : ''
    }`,
  };
}
