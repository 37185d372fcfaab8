import {
  levelWord,
  type LevelDefinition,
} from '@prodready/plugin-readiness-common';
import { levelColor, levelTitle } from '../LevelBadge/levelColors';

/** The key of entities that reached no level, in level counts. */
export const NO_LEVEL = 'none';

/** One level as a chart series. */
export interface LevelSeries {
  id: string;
  title: string;
  color: string;
}

const FALLBACK_COLORS = ['#7b6fb0', '#4f8fba', '#5aa17f', '#c1666b'];

/**
 * The series of a level chart: "Below <lowest level>" first, then the pack's levels from
 * lowest to highest, then any other level id found in the counts.
 */
export function levelSeries(
  counts: Array<Record<string, number>>,
  levels: LevelDefinition[] | undefined,
): LevelSeries[] {
  const ids = [NO_LEVEL, ...(levels?.map(l => l.id) ?? [])];
  for (const count of counts) {
    for (const id of Object.keys(count)) {
      if (!ids.includes(id)) {
        ids.push(id);
      }
    }
  }
  return ids.map((id, index) => ({
    id,
    title:
      id === NO_LEVEL ? levelWord(undefined, levels) : levelTitle(id, levels),
    color:
      id === NO_LEVEL
        ? '#9e9e9e'
        : levelColor(id, levels) ??
          FALLBACK_COLORS[index % FALLBACK_COLORS.length],
  }));
}
