import { invalid } from '../invalid';
import { compileGlobSet, GlobSet } from '../glob';

/**
 * Reads an operand that is a string or a non-empty list of strings.
 *
 * @internal
 */
export function readStringList(
  value: unknown,
  path: string,
  what: string,
): string[] {
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list) || list.length === 0) {
    return invalid(path, `expected ${what} or a non-empty list of them`, value);
  }
  list.forEach((item, i) => {
    if (typeof item !== 'string' || item.trim() === '') {
      invalid(
        Array.isArray(value) ? `${path}[${i}]` : path,
        `expected ${what}`,
        item,
      );
    }
  });
  return list as string[];
}

/**
 * Reads an operand of glob patterns (one or a list) into a matcher.
 *
 * @internal
 */
export function readGlobSet(
  value: unknown,
  path: string,
  paths: boolean,
): GlobSet {
  const patterns = readStringList(value, path, 'a glob pattern');
  try {
    return compileGlobSet(patterns, paths);
  } catch (error) {
    return invalid(path, (error as Error).message, value);
  }
}
