import type { NamespaceProblemCache } from '../rules/describeNamespaceProblem';
import { memoizeBounded } from '../util/memoizeBounded';

/**
 * What evaluations with one compiled pack reuse: the same reasons recur for
 * every entity, and one `now` for a whole run. Owned by the compiled pack
 * (never shared between packs, never module-level); evaluation is
 * synchronous and runs to its end without calling out, so one memo is never
 * used by two evaluations at once.
 *
 * @internal
 */
export class EvaluationMemo {
  /** Namespace problem texts, for `FactsView`. */
  readonly problems: NamespaceProblemCache = new Map();
  private buffer = new Float64Array(64);
  private lastNow: Date | undefined;
  private lastTime = NaN;
  private lastIso = '';

  /** Sentence case. */
  readonly capitalize = memoizeBounded(
    text => (text.length > 0 ? text[0].toUpperCase() + text.slice(1) : text),
    { maxEntries: 1000, maxKeyLength: 500 },
  );

  /** `now.toISOString()`. */
  isoOf(now: Date): string {
    const time = now.getTime();
    if (now !== this.lastNow || time !== this.lastTime) {
      this.lastNow = now;
      this.lastTime = time;
      this.lastIso = now.toISOString();
    }
    return this.lastIso;
  }

  /** A zeroed buffer of at least `size` numbers, for counting. */
  counts(size: number): Float64Array {
    if (this.buffer.length < size) {
      this.buffer = new Float64Array(size * 2);
    }
    this.buffer.fill(0, 0, size);
    return this.buffer;
  }
}
