import type { TrendPoint } from '@prodready/plugin-readiness-common';
import type { ScoreSnapshot } from '../../database/ReadinessStore';

/** Level key of entities below the lowest level. */
const NO_LEVEL = 'none';
const DAY_MS = 86_400_000;

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** `YYYY-MM-DD` of a date (UTC). */
export function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The first day of a trend of `days` days ending `today`. */
export function trendStartDay(days: number, today: string): string {
  const end = Date.parse(`${today}T00:00:00.000Z`);
  return dayOf(new Date(end - (days - 1) * DAY_MS));
}

/**
 * The daily points of a trend of `days` days ending `today`: each day, the
 * average score and the level counts of the entities' latest snapshots so
 * far. `before` holds each entity's latest snapshot before the first day,
 * `since` the snapshots from the first day on, oldest first. Days without
 * any scored entity have no point.
 *
 * @internal
 */
export function trendPoints(
  before: ReadonlyArray<ScoreSnapshot>,
  since: ReadonlyArray<ScoreSnapshot>,
  days: number,
  today: string,
): TrendPoint[] {
  const end = Date.parse(`${today}T00:00:00.000Z`);
  const current = new Map<string, ScoreSnapshot>();
  for (const snapshot of before) {
    current.set(snapshot.entityRef, snapshot);
  }
  const byDay = new Map<string, ScoreSnapshot[]>();
  for (const snapshot of since) {
    const list = byDay.get(snapshot.day) ?? [];
    list.push(snapshot);
    byDay.set(snapshot.day, list);
  }
  const points: TrendPoint[] = [];
  for (let t = end - (days - 1) * DAY_MS; t <= end; t += DAY_MS) {
    const day = dayOf(new Date(t));
    for (const snapshot of byDay.get(day) ?? []) {
      current.set(snapshot.entityRef, snapshot);
    }
    let count = 0;
    let sum = 0;
    const levels: Record<string, number> = {};
    for (const snapshot of current.values()) {
      if (snapshot.score === undefined) {
        continue;
      }
      count += 1;
      sum += snapshot.score;
      const level = snapshot.level ?? NO_LEVEL;
      levels[level] = (levels[level] ?? 0) + 1;
    }
    if (count > 0) {
      points.push({ date: day, score: round(sum / count, 1), levels });
    }
  }
  return points;
}

/**
 * One entity's trend from all of its snapshots (oldest first), as
 * {@link trendPoints} computes it from the store's reads.
 *
 * @internal
 */
export function entityTrendPoints(
  snapshots: ReadonlyArray<ScoreSnapshot>,
  days: number,
  today: string,
): TrendPoint[] {
  const start = trendStartDay(days, today);
  const earlier = snapshots.filter(s => s.day < start);
  return trendPoints(
    earlier.slice(-1),
    snapshots.filter(s => s.day >= start),
    days,
    today,
  );
}
