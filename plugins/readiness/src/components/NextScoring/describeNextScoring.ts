import type { RunSchedule } from '@prodready/plugin-readiness-common';

function clock(at: Date): string {
  return at.toLocaleTimeString('en-US', { hour: '2-digit', minute: '2-digit' });
}

function inMinutes(at: Date, now: Date): string {
  const minutes = Math.round((at.getTime() - now.getTime()) / 60_000);
  if (minutes <= 0) {
    return 'now';
  }
  return minutes === 1 ? 'in 1 minute' : `in ${minutes} minutes`;
}

/**
 * One or two sentences saying when an entity not scored yet gets its
 * scorecard: within the delta pass's interval, and when the next full run
 * starts.
 *
 * @public
 */
export function describeNextScoring(
  schedule: RunSchedule | undefined,
  now: Date = new Date(),
): string {
  const parts: string[] = [];
  if (schedule?.deltaIntervalSeconds) {
    parts.push(
      `New and changed entities are scored within about ${schedule.deltaIntervalSeconds} seconds of appearing in the catalog.`,
    );
  }
  if (schedule?.nextRunAt) {
    const at = new Date(schedule.nextRunAt);
    parts.push(
      `The next full run starts at ${clock(at)} (${inMinutes(at, now)}).`,
    );
  }
  if (parts.length === 0) {
    return 'Entities are scored on a schedule; a new entity gets its scorecard at the next run.';
  }
  return parts.join(' ');
}
