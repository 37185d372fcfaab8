import {
  getJsonValueAtPath,
  parseFilterPredicate,
} from '@backstage/filter-predicates';
import type { JsonValue } from '@backstage/types';
import { memoizeBounded } from '../util/memoizeBounded';

/*
 * `@backstage/filter-predicates` expressions compiled into closures, with
 * the library's semantics (`evaluateFilterPredicate`): the library walks the
 * expression for every value and upper-cases both sides of every string
 * comparison; here the expression is walked once and the expected side is
 * prepared once. `compileFilterPredicate.test.ts` checks both agree on
 * random expressions and values.
 */

type Test = (value: unknown) => boolean;

/** Upper case, memoised for the short values that recur (kinds, types). */
const upper = memoizeBounded(text => text.toUpperCase(), {
  maxEntries: 5000,
  maxKeyLength: 100,
});

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `valuesAreEqual(value, expected)` of the library, for a primitive `expected`. */
function equalTo(expected: unknown): Test {
  if (typeof expected === 'string') {
    const expectedUpper = expected.toUpperCase();
    return value => {
      if (value === expected) return true;
      if (typeof value === 'string') return upper(value) === expectedUpper;
      if (typeof value === 'number') return String(value) === expected;
      return false;
    };
  }
  if (typeof expected === 'number') {
    const text = String(expected);
    return value => {
      if (value === expected) return true;
      if (typeof value === 'string') return value === text;
      if (typeof value === 'number' || typeof value === 'boolean') {
        return String(value) === text;
      }
      if (Array.isArray(value)) {
        // the library compares String(value): a list's text is its join
        try {
          return String(value) === text;
        } catch {
          return false;
        }
      }
      // objects read as "[object Object]", never a number's text
      return false;
    };
  }
  return value => value !== null && value === expected;
}

function compileValueMatcher(matcher: unknown): Test {
  if (!isObject(matcher)) {
    return equalTo(matcher);
  }
  if ('$contains' in matcher) {
    const element = compileAny(matcher.$contains);
    return value => Array.isArray(value) && value.some(element);
  }
  if ('$in' in matcher) {
    const tests = (matcher.$in as unknown[]).map(equalTo);
    return value => tests.some(test => test(value));
  }
  if ('$exists' in matcher) {
    return matcher.$exists === true
      ? value => value !== undefined
      : value => value === undefined;
  }
  if ('$hasPrefix' in matcher) {
    const prefix = String(matcher.$hasPrefix).toUpperCase();
    return value =>
      typeof value === 'string' && upper(value).startsWith(prefix);
  }
  return () => false;
}

function compileAny(predicate: unknown): Test {
  if (!isObject(predicate)) {
    return equalTo(predicate);
  }
  if ('$all' in predicate) {
    const tests = (predicate.$all as unknown[]).map(compileAny);
    return value => tests.every(test => test(value));
  }
  if ('$any' in predicate) {
    const tests = (predicate.$any as unknown[]).map(compileAny);
    return value => tests.some(test => test(value));
  }
  if ('$not' in predicate) {
    const test = compileAny(predicate.$not);
    return value => !test(value);
  }
  const entries: Array<[string, Test]> = [];
  for (const key of Object.keys(predicate)) {
    if (key.startsWith('$')) {
      return () => false;
    }
    entries.push([key, compileValueMatcher(predicate[key])]);
  }
  return value => {
    for (let i = 0; i < entries.length; i++) {
      const [path, test] = entries[i];
      if (!test(getJsonValueAtPath(value as JsonValue, path))) {
        return false;
      }
    }
    return true;
  };
}

/**
 * Validates a filter predicate (throws like `parseFilterPredicate`) and
 * compiles it into a function with the library's semantics.
 *
 * @internal
 */
export function compileFilterPredicate(predicate: unknown): Test {
  return compileAny(parseFilterPredicate(predicate));
}
