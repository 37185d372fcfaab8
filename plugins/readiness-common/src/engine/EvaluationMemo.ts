import type { NamespaceProblemCache } from '../rules/FactsView';

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
  private readonly capitalized = new Map<string, string>();
  private buffer = new Float64Array(64);
  private lastNow: Date | undefined;
  private lastTime = NaN;
  private lastIso = '';

  /** Sentence case. */
  capitalize(text: string): string {
    let result = this.capitalized.get(text);
    if (result === undefined) {
      result = text.length > 0 ? text[0].toUpperCase() + text.slice(1) : text;
      if (text.length <= 500) {
        if (this.capitalized.size >= 1000) {
          this.capitalized.clear();
        }
        this.capitalized.set(text, result);
      }
    }
    return result;
  }

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
