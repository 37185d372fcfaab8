import { invalid } from '../invalid';
import * as factsView from '../FactsView';
import { readGlobSet } from './readStringList';

// Local copies of hot imported bindings: tsx and jest read an imported
// binding through getters on every access (see RuleNode.ts).
const { isRecord } = factsView;

/**
 * The keys of a value condition: at most one of them (or `gte` with `lte`).
 *
 * @internal
 */
export const VALUE_KEYS: readonly string[] = [
  'exists',
  'equals',
  'in',
  'matches',
  'gte',
  'lte',
];

/**
 * A test of one value.
 *
 * @internal
 */
export type ValuePredicate = (value: unknown) => boolean;

function isPrimitive(value: unknown): value is string | number | boolean {
  return (
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value))
  );
}

function isNonEmpty(value: unknown): boolean {
  if (typeof value === 'string') {
    // Cheap test first: most values start with a visible ASCII character.
    const first = value.charCodeAt(0);
    return (first > 0x20 && first < 0x7f) || /\S/.test(value);
  }
  if (typeof value === 'number') {
    return !Number.isNaN(value);
  }
  if (typeof value === 'boolean') {
    return value;
  }
  if (Array.isArray(value)) {
    return value.length > 0;
  }
  if (isRecord(value)) {
    for (const key in value) {
      if (Object.prototype.hasOwnProperty.call(value, key)) {
        return true;
      }
    }
  }
  return false;
}

function compileEquals(expected: string | number | boolean): ValuePredicate {
  const lower = String(expected).toLowerCase();
  return value =>
    (typeof value === 'string' ||
      typeof value === 'number' ||
      typeof value === 'boolean') &&
    String(value).toLowerCase() === lower;
}

/**
 * Compiles the value condition of a rule (`exists`, `equals`, `in`,
 * `matches`, `gte`/`lte`); without one, the value must be non-empty. With
 * `presence`, `exists: false` is refused (a key found cannot be absent).
 *
 * @internal
 */
export function compileValueCondition(
  rule: Record<string, unknown>,
  path: string,
  presence: boolean,
): ValuePredicate {
  const given = VALUE_KEYS.filter(key => rule[key] !== undefined);
  const bounds = given.filter(key => key === 'gte' || key === 'lte');
  if (given.length > 1 && bounds.length !== given.length) {
    return invalid(
      path,
      `at most one of exists, equals, in, matches (or gte/lte) may be given`,
      rule,
    );
  }
  if (given.length === 0) {
    return isNonEmpty;
  }
  const key = given[0];
  const value = rule[key];
  const at = `${path}.${key}`;
  switch (key) {
    case 'exists':
      if (typeof value !== 'boolean') {
        return invalid(at, 'expected true or false', value);
      }
      if (presence && !value) {
        return invalid(
          at,
          'exists: false cannot match a key that is present; wrap the rule in "not" instead',
          value,
        );
      }
      return value
        ? v => v !== undefined && v !== null
        : v => v === undefined || v === null;
    case 'equals':
      if (!isPrimitive(value)) {
        return invalid(at, 'expected a string, number or boolean', value);
      }
      return compileEquals(value);
    case 'in': {
      if (!Array.isArray(value) || value.length === 0) {
        return invalid(at, 'expected a non-empty list of values', value);
      }
      const tests = value.map((item, i) =>
        isPrimitive(item)
          ? compileEquals(item)
          : invalid(
              `${at}[${i}]`,
              'expected a string, number or boolean',
              item,
            ),
      );
      return v => tests.some(test => test(v));
    }
    case 'matches': {
      const set = readGlobSet(value, at, false);
      return v => typeof v === 'string' && set.test(v);
    }
    default: {
      const min = rule.gte;
      const max = rule.lte;
      if (min !== undefined && (typeof min !== 'number' || !isFinite(min))) {
        return invalid(`${path}.gte`, 'expected a number', min);
      }
      if (max !== undefined && (typeof max !== 'number' || !isFinite(max))) {
        return invalid(`${path}.lte`, 'expected a number', max);
      }
      return v =>
        typeof v === 'number' &&
        (min === undefined || v >= (min as number)) &&
        (max === undefined || v <= (max as number));
    }
  }
}
