/**
 * Formats milliseconds for a one-line reason: `250 ms`, `10 s`, `1.5 s`,
 * `2 min`.
 *
 * @internal
 */
export function formatDuration(ms: number): string {
  if (ms < 1000) {
    return `${Math.round(ms)} ms`;
  }
  if (ms < 120_000 || ms % 60_000 !== 0) {
    return `${Number((ms / 1000).toFixed(1))} s`;
  }
  return `${ms / 60_000} min`;
}
