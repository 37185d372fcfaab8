import type {
  EntityScorecardResponse,
  LevelDefinition,
} from '@prodready/plugin-readiness-common';

/**
 * The failing checks most worth fixing first: those blocking the next level,
 * then counted checks before advisory ones (which hold no level back), then
 * lower levels before higher ones, then heavier checks first.
 */
export function topGaps(
  scorecard: EntityScorecardResponse,
  levels: LevelDefinition[] | undefined,
  count: number,
): EntityScorecardResponse['results'] {
  const order = levels?.map(l => l.id) ?? [];
  const rank = (level: string) => {
    const index = order.indexOf(level);
    return index < 0 ? order.length : index;
  };
  const blocking = new Set(scorecard.blockingCheckIds);
  return scorecard.results
    .filter(r => r.state === 'fail')
    .sort(
      (a, b) =>
        Number(blocking.has(b.checkId)) - Number(blocking.has(a.checkId)) ||
        Number(!!a.check.advisory) - Number(!!b.check.advisory) ||
        rank(a.check.level) - rank(b.check.level) ||
        b.check.weight - a.check.weight ||
        a.check.title.localeCompare(b.check.title),
    )
    .slice(0, count);
}
