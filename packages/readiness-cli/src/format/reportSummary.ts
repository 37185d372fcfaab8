import {
  CHECK_STATES,
  GAP_STATES,
  CheckDefinition,
  CheckResult,
  CheckState,
  describeEvidence,
  passingEvidence,
  levelWord,
} from '@prodready/plugin-readiness-common';
import type { ScoreReport, ScoredEntity } from '../report/ScoreReport';

/**
 * Counts of an entity's results by state.
 */
export type StateCounts = Record<CheckState, number>;

/** Counts an entity's results by state. */
export function countStates(entity: ScoredEntity): StateCounts {
  const counts = Object.fromEntries(
    CHECK_STATES.map(state => [state, 0]),
  ) as StateCounts;
  for (const result of entity.scorecard.results) {
    counts[result.state]++;
  }
  return counts;
}

/** The checks of the pack by id. */
export function checksById(report: ScoreReport): Map<string, CheckDefinition> {
  return new Map(report.pack.checks.map(check => [check.id, check]));
}

/**
 * An entity's results that apply, in display order: failing first, then
 * unknown, passing and exempt; within a state by level (lowest first), then
 * pack order.
 */
export function sortedResults(
  report: ScoreReport,
  entity: ScoredEntity,
): CheckResult[] {
  const levelOrder = new Map(report.pack.levels.map((l, i) => [l.id, i]));
  const packOrder = new Map(report.pack.checks.map((c, i) => [c.id, i]));
  const checks = checksById(report);
  const levelIndex = (id: string) =>
    levelOrder.get(checks.get(id)?.level ?? '') ?? levelOrder.size;
  return entity.scorecard.results
    .filter(r => r.state !== 'not-applicable')
    .sort(
      (a, b) =>
        CHECK_STATES.indexOf(a.state) - CHECK_STATES.indexOf(b.state) ||
        levelIndex(a.checkId) - levelIndex(b.checkId) ||
        (packOrder.get(a.checkId) ?? 0) - (packOrder.get(b.checkId) ?? 0),
    );
}

/**
 * The failing results of an entity (the gap states: `fail`, `claimed`
 * (claimed, not observed) and `warn`), in display order.
 */
export function failingResults(
  report: ScoreReport,
  entity: ScoredEntity,
): CheckResult[] {
  return sortedResults(report, entity).filter(r =>
    GAP_STATES.includes(r.state),
  );
}

/**
 * The reason of a result with what it rests on: for a pass (or an
 * exemption), its evidence and strength, e.g. `CI is configured:
 * buildkite.com/pipeline-slug "acme/payments" (declared)`.
 */
export function reasonWithEvidence(result: CheckResult): string {
  if (result.state !== 'pass' && result.state !== 'exempt') {
    return result.reason;
  }
  const evidence = passingEvidence(result);
  return evidence.length > 0
    ? `${result.reason}: ${evidence.map(describeEvidence).join('; ')}`
    : result.reason;
}

/** The passing and exempt results of an entity, in display order. */
export function passingResults(
  report: ScoreReport,
  entity: ScoredEntity,
): CheckResult[] {
  return sortedResults(report, entity).filter(
    r => r.state === 'pass' || r.state === 'exempt',
  );
}

/**
 * One sentence on the levels reached, e.g.
 * `3 entities: 1 gold, 1 silver, 1 below bronze`.
 */
export function levelsSentence(report: ScoreReport): string {
  const { entities, pack } = report;
  const count = entities.length;
  const noun = count === 1 ? 'entity' : 'entities';
  if (count === 0) {
    return 'no entities scored';
  }
  const parts: string[] = [];
  for (const level of [...pack.levels].reverse()) {
    const n = entities.filter(e => e.scorecard.level === level.id).length;
    if (n > 0) {
      parts.push(`${n} ${level.id}`);
    }
  }
  const below = entities.filter(e => e.scorecard.level === undefined).length;
  if (below > 0) {
    parts.push(`${below} ${noLevelText(pack.levels)}`);
  }
  return `${count} ${noun}: ${parts.join(', ')}`;
}

/**
 * One sentence on the gate, or undefined when no bar was set; with `code`,
 * the options are wrapped in backticks (markdown).
 */
export function gateSentence(
  report: ScoreReport,
  code = false,
): string | undefined {
  const { gate } = report;
  const bars: string[] = [];
  if (gate.minLevel) {
    bars.push(`--min-level ${gate.minLevel}${gate.strict ? ' --strict' : ''}`);
  }
  if (gate.failOn.length > 0) {
    bars.push(`--fail-on ${gate.failOn.join(',')}`);
  }
  if (bars.length === 0) {
    return undefined;
  }
  const quote = (text: string) => (code ? `\`${text}\`` : text);
  const bar = bars.map(quote).join(' ');
  if (gate.passed) {
    return `Gate ${bar}: passed`;
  }
  const entities = new Set(gate.failures.map(f => f.entityRef)).size;
  return `Gate ${bar}: FAILED for ${entities} ${
    entities === 1 ? 'entity' : 'entities'
  }`;
}

/**
 * The state "scored, no level reached" in the words of every surface
 * (`levelWord` of readiness-common), lower-cased as the CLI writes levels:
 * `below bronze`.
 */
export function noLevelText(
  levels: ScoreReport['pack']['levels'] | undefined,
): string {
  return levelWord(undefined, levels).toLocaleLowerCase('en-US');
}

/**
 * An entity's level for display, e.g. `below bronze` or `below bronze
 * (bronze if unknown checks pass)` when undecided checks are all that hold
 * it back.
 */
export function levelText(
  entity: ScoredEntity,
  levels?: ScoreReport['pack']['levels'],
): string {
  const level = entity.scorecard.level ?? noLevelText(levels);
  if (
    entity.levelIfUnknownPass &&
    entity.levelIfUnknownPass !== entity.scorecard.level
  ) {
    return `${level} (${entity.levelIfUnknownPass} if unknown checks pass)`;
  }
  return level;
}

/**
 * Where an entity's repository facts came from, one phrase, e.g.
 * `repository facts from services/a (backstage.io/source-location dir:.)`.
 */
export function repositorySentence(entity: ScoredEntity): string {
  const { directory, reason } = entity.repository;
  return directory
    ? `repository facts from ${directory} (${reason})`
    : `no repository facts: ${reason}`;
}
