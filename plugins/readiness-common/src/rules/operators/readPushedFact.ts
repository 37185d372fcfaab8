import { isRecord } from '../FactsView';
import type { FactsView } from '../FactsView';
import { lookupPath } from './lookupPath';

/**
 * What a rule reads of a pushed fact: its value at the path, or why it
 * cannot be used (stale since …).
 *
 * @internal
 */
export type PushedFactReading =
  | { stale: false; value: unknown }
  | { stale: true; note: string };

/**
 * Reads `pushed.<key>[.<path>]` from the `pushed` namespace, whose data is
 * keyed by fact key (see `PushedFact`): a stale fact is not read, its
 * staleness is told instead. A fact that is absent reads as undefined.
 *
 * @internal
 */
export function readPushedFact(
  view: FactsView,
  namespace: string,
  segments: readonly string[],
): PushedFactReading {
  const data = view.data(namespace);
  const key = segments[1];
  const fact =
    isRecord(data) && key !== undefined && Object.hasOwn(data, key)
      ? data[key]
      : undefined;
  if (!isRecord(fact)) {
    return { stale: false, value: undefined };
  }
  if (fact.stale === true) {
    const since =
      typeof fact.staleAt === 'string' ? fact.staleAt : 'an unknown time';
    const observed =
      typeof fact.observedAt === 'string'
        ? `, observed ${fact.observedAt}`
        : '';
    return {
      stale: true,
      note: `pushed fact ${key} is stale since ${since}${observed}`,
    };
  }
  return { stale: false, value: lookupPath(fact.value, segments, 2) };
}
