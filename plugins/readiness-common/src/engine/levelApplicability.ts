import { NON_OPERATIONAL_CATEGORIES } from '../types';

/**
 * Whether a level means something for an entity, from the categories of the
 * checks that apply to it: only when at least one is operational (not one of
 * `NON_OPERATIONAL_CATEGORIES`). Otherwise — an API, a System, a Group —
 * the reason says what is scored and that no level is given.
 *
 * @public
 */
export function levelApplicability(applicableCategories: readonly string[]): {
  levelApplicable: boolean;
  levelReason?: string;
} {
  const scored = [...new Set(applicableCategories)];
  if (scored.some(c => !NON_OPERATIONAL_CATEGORIES.includes(c))) {
    return { levelApplicable: true };
  }
  return {
    levelApplicable: false,
    levelReason:
      scored.length > 0
        ? `No operational check applies: only ${scored.join(
            ' and ',
          )} checks are scored, so no level is given`
        : 'No check applies, so no level is given',
  };
}
