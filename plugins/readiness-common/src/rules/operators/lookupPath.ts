/**
 * Looks a dot-separated path up in a value; keys containing dots (such as
 * annotation keys) are found too. Does not throw.
 *
 * @internal
 */
export function lookupPath(
  value: unknown,
  segments: readonly string[],
  from: number,
): unknown {
  let current = value;
  for (let i = from; i < segments.length; i++) {
    if (typeof current !== 'object' || current === null) {
      return undefined;
    }
    const record = current as Record<string, unknown>;
    const next = Object.prototype.hasOwnProperty.call(record, segments[i])
      ? record[segments[i]]
      : undefined;
    if (next === undefined) {
      let key = segments[i];
      for (let j = i + 1; j < segments.length; j++) {
        key = `${key}.${segments[j]}`;
        if (Object.prototype.hasOwnProperty.call(record, key)) {
          const found = lookupPath(record[key], segments, j + 1);
          if (found !== undefined) {
            return found;
          }
        }
      }
      return undefined;
    }
    current = next;
  }
  return current;
}
