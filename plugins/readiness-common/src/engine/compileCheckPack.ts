import type { LevelDefinition } from '../types';
import type { CheckPack } from '../pack/CheckPack';
import { compileChecks, CompiledPack } from './compileChecks';
import { EvaluationMemo } from './EvaluationMemo';

/**
 * A check pack prepared for evaluation: what {@link evaluateEntity}
 * receives. Make one with {@link compileCheckPack} once per pack (when the
 * pack is read or changes) and evaluate every entity with it. Opaque but
 * for the pack it was compiled from.
 *
 * @public
 */
export interface CompiledCheckPack {
  /** The pack it was compiled from. */
  readonly pack: CheckPack;
}

/** Marks the values made by `compileCheckPack`; holds the compiled form. */
const COMPILED: unique symbol = Symbol('CompiledCheckPack');

/**
 * The inside of a {@link CompiledCheckPack}.
 *
 * @internal
 */
export interface CompiledCheckPackState extends CompiledCheckPack {
  readonly [COMPILED]: {
    readonly compiled: CompiledPack;
    readonly memo: EvaluationMemo;
  };
}

/**
 * The compiled form and memo of a value made by {@link compileCheckPack},
 * or undefined for anything else.
 *
 * @internal
 */
export function readCompiledPack(
  value: unknown,
): CompiledCheckPackState[typeof COMPILED] | undefined {
  if (typeof value !== 'object' || value === null || !(COMPILED in value)) {
    return undefined;
  }
  return (value as CompiledCheckPackState)[COMPILED];
}

/**
 * Compiles a check pack for {@link evaluateEntity}: every declarative rule
 * and `appliesTo` becomes closures, once. Never throws: a pack made by
 * `createCheckPack` or `readCheckPackFromConfig` is valid already, and in
 * any other pack a malformed check compiles to an `unknown` result naming
 * what is wrong (e.g. `The check is invalid: checks[1].rule: unknown rule`).
 *
 * @public
 */
export function compileCheckPack(pack: CheckPack): CompiledCheckPack {
  const source: Partial<CheckPack> =
    typeof pack === 'object' && pack !== null ? pack : {};
  const levels = Array.isArray(source.levels)
    ? source.levels.filter(
        (level): level is LevelDefinition =>
          typeof level === 'object' &&
          level !== null &&
          typeof level.id === 'string',
      )
    : [];
  const compiled = compileChecks(
    Array.isArray(source.checks) ? source.checks : [],
    levels,
    {
      strict: false,
      pathOf: index => `checks[${index}]`,
      categories: Array.isArray(source.categories)
        ? source.categories
        : undefined,
    },
  );
  const state: CompiledCheckPackState = {
    pack,
    [COMPILED]: { compiled, memo: new EvaluationMemo() },
  };
  return Object.freeze(state);
}
