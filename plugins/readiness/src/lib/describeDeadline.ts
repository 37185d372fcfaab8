/** Milliseconds in a day. */
const DAY_MS = 24 * 60 * 60 * 1000;

/** Today as `yyyy-mm-dd` in local time. */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(
    now.getDate(),
  )}`;
}

/**
 * Whole days from today (local) to an ISO day: 0 on the deadline itself,
 * negative once it has passed. Counted on calendar days, so the hour of the
 * day does not change the answer.
 */
export function daysUntil(isoDay: string, now: Date = new Date()): number {
  const [year, month, day] = isoDay.slice(0, 10).split('-').map(Number);
  const target = Date.UTC(year, month - 1, day);
  const today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  return Math.round((target - today) / DAY_MS);
}

/** A deadline in words: "12 days left", "due today", "3 days overdue". */
export function describeDeadline(
  isoDay: string,
  now: Date = new Date(),
): { text: string; overdue: boolean } {
  const days = daysUntil(isoDay, now);
  if (days === 0) {
    return { text: 'due today', overdue: false };
  }
  if (days > 0) {
    return {
      text: `${days} ${days === 1 ? 'day' : 'days'} left`,
      overdue: false,
    };
  }
  const late = -days;
  return {
    text: `${late} ${late === 1 ? 'day' : 'days'} overdue`,
    overdue: true,
  };
}

/** Done over entities as a whole percentage; 0 for an empty scope. */
export function progressPercent(progress: {
  done: number;
  entities: number;
}): number {
  return progress.entities === 0
    ? 0
    : Math.round((progress.done / progress.entities) * 100);
}
