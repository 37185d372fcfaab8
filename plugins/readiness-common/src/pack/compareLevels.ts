import type { CheckPack } from './CheckPack';

/**
 * Orders two level ids of a pack: negative when `a` is lower than `b`, 0 when
 * equal, positive when higher. `undefined` (no level) and ids the pack does
 * not define rank below the lowest level. Usable as a sort comparator.
 *
 * @public
 */
export function compareLevels(
  pack: Pick<CheckPack, 'levels'>,
  a?: string,
  b?: string,
): number {
  return rank(pack, a) - rank(pack, b);
}

function rank(pack: Pick<CheckPack, 'levels'>, id: string | undefined): number {
  if (id === undefined || !Array.isArray(pack?.levels)) {
    return -1;
  }
  for (let i = 0; i < pack.levels.length; i++) {
    if (pack.levels[i]?.id === id) {
      return i;
    }
  }
  return -1;
}
