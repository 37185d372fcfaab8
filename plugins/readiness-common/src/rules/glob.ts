/*
 * Glob patterns of the rule language, compiled once into regular expressions.
 *
 * - In paths (`file` rules): `*` and `?` stop at `/`, `**` crosses
 *   directories (`**\/` also matches no directory at all).
 * - In names (annotations, labels, tags, dependencies, link titles and URLs):
 *   `*` and `?` match any character, including `/`.
 * - `{a,b}` matches either alternative. Matching is case-insensitive.
 */

import { memoizeBounded } from '../util/memoizeBounded';

const REGEXP_SPECIAL = /[.*+?^${}()|[\]\\/]/;

/**
 * Whether a pattern holds a wildcard (`*`, `?` or `{`).
 *
 * @internal
 */
export function hasWildcard(pattern: string): boolean {
  return /[*?{]/.test(pattern);
}

/**
 * Compiles a glob pattern into an anchored, case-insensitive regular
 * expression. Throws an `Error` with a one-line message when the pattern is
 * malformed (an unclosed `{`).
 *
 * @internal
 */
export function globToRegExp(pattern: string, path: boolean): RegExp {
  let source = '^';
  let inBraces = false;
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === '*') {
      if (pattern[i + 1] === '*') {
        i += 2;
        if (path && pattern[i] === '/') {
          source += '(?:.*/)?';
          i += 1;
        } else {
          source += '.*';
        }
        continue;
      }
      source += path ? '[^/]*' : '.*';
    } else if (c === '?') {
      source += path ? '[^/]' : '.';
    } else if (c === '{' && !inBraces) {
      source += '(?:';
      inBraces = true;
    } else if (c === '}' && inBraces) {
      source += ')';
      inBraces = false;
    } else if (c === ',' && inBraces) {
      source += '|';
    } else if (REGEXP_SPECIAL.test(c)) {
      source += `\\${c}`;
    } else {
      source += c;
    }
    i += 1;
  }
  if (inBraces) {
    throw new Error(`unclosed "{" in pattern "${pattern}"`);
  }
  return new RegExp(`${source}$`, 'is');
}

/**
 * A compiled set of glob patterns: `test` is true when any pattern matches.
 *
 * @internal
 */
export interface GlobSet {
  readonly patterns: readonly string[];
  /** Patterns without wildcards, lower-cased, for direct lookups. */
  readonly literals: readonly string[];
  /** Whether any pattern has a wildcard. */
  readonly hasWildcards: boolean;
  test(value: string): boolean;
}

const MEMO_MAX_LENGTH = 200;
const MEMO_MAX_ENTRIES = 5_000;

/**
 * Compiles patterns into a {@link GlobSet}.
 *
 * @internal
 */
export function compileGlobSet(
  patterns: readonly string[],
  path: boolean,
): GlobSet {
  const sources = patterns.map(p => globToRegExp(p, path).source);
  // One alternation: a single regexp test per value, however many patterns.
  const combined =
    sources.length === 1
      ? new RegExp(sources[0], 'is')
      : new RegExp(sources.map(source => `(?:${source})`).join('|'), 'is');
  const literals = patterns
    .filter(p => !hasWildcard(p))
    .map(p => p.toLowerCase());
  return {
    patterns,
    literals,
    hasWildcards: literals.length !== patterns.length,
    // The same keys, tags, names and paths recur across entities: remember
    // the answers for short values (bounded).
    test: memoizeBounded(value => combined.test(value), {
      maxEntries: MEMO_MAX_ENTRIES,
      maxKeyLength: MEMO_MAX_LENGTH,
    }),
  };
}
