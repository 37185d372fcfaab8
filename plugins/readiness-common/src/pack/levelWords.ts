import type { LevelDefinition } from '../types';
import { defaultLevels } from './defaultLevels';

/**
 * The words for the states of an entity's readiness, one term per state, used
 * by every surface (UI, API messages, CLI, search, notifications):
 *
 * - a level reached: the level's title ("Silver");
 * - scored, but no level reached: `Below <lowest level>` ("Below Bronze");
 * - a kind that is scored but has no scorecard yet: `Not scored yet`;
 * - a kind that is never scored itself (Group, User, System…): `Not scored`,
 *   with the reason that its entities are.
 *
 * @public
 */
export const LEVEL_WORDS = {
  /** Prefix of the state "scored, no level reached": `Below Bronze`. */
  below: 'Below',
  /** When the pack defines no level to be below of. */
  belowNoLevels: 'No level defined',
  /** A scorable entity without a scorecard yet. */
  notScoredYet: 'Not scored yet',
  /** A kind that is not scored itself. */
  notScorable: 'Not scored',
  /** Why a kind such as a Group is not scored. */
  notScorableReason: 'its entities are scored, not the group itself',
} as const;

/**
 * The title of a level id (its title in `levels`, or the id capitalised); for
 * `undefined` (scored, no level reached) the one term of that state,
 * `Below <lowest level>`, e.g. `Below Bronze`. Without `levels` (not loaded
 * yet), the default levels.
 *
 * @public
 */
export function levelWord(
  levelId: string | undefined,
  levels: ReadonlyArray<Pick<LevelDefinition, 'id' | 'title'>> | undefined,
): string {
  if (levelId) {
    const defined = levels?.find(l => l.id === levelId);
    return (
      defined?.title ??
      levelId.charAt(0).toLocaleUpperCase('en-US') + levelId.slice(1)
    );
  }
  const lowest = (levels ?? defaultLevels)[0];
  if (!lowest) {
    return LEVEL_WORDS.belowNoLevels;
  }
  return `${LEVEL_WORDS.below} ${lowest.title ?? lowest.id}`;
}
