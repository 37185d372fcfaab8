/**
 * The levels an `entity_scores` row has to go to the target of its tier, as
 * SQL (`??` binds an identifier): 0 when met, -1 without a target (an untargeted tier, no tier, or no
 * level that applies: neither a level nor a next level). Computed per query
 * from config, so that a change of `readiness.targets.byTier` needs no
 * rescore; it reads only columns of the row.
 */
export function targetGapSql(
  targetRanks: ReadonlyArray<{ tier: string; rank: number }> = [],
): { sql: string; bindings: string[] } {
  const targets = targetRanks.filter(
    t => Number.isInteger(t.rank) && t.rank > 0,
  );
  if (targets.length === 0) {
    return { sql: '-1', bindings: [] };
  }
  // Ranks are small integers from the pack, written inline: PostgreSQL
  // cannot type a bound parameter in a CASE branch used in arithmetic.
  const rank = `case ?? ${targets
    .map(t => `when ? then ${Number(t.rank)}`)
    .join(' ')} else 0 end`;
  const bindings = ['tier', ...targets.map(t => t.tier)];
  return {
    sql: `case when (?? is not null or ?? is not null) and (${rank}) > 0 then (case when (${rank}) - ?? > 0 then (${rank}) - ?? else 0 end) else -1 end`,
    bindings: [
      'level',
      'next_level',
      ...bindings,
      ...bindings,
      'level_rank',
      ...bindings,
      'level_rank',
    ],
  };
}
