import { gapKey } from '../learn/addExemplars';
import type { ScoreReport } from '../report/ScoreReport';
import { checksById, countStates } from './reportSummary';

/**
 * Formats a report as JSON (format version 1): the levels, each entity with
 * its file and line, score, level, category summaries and every result
 * joined with its check's title, category and level, and the gate.
 *
 * @public
 */
export function formatJson(report: ScoreReport): string {
  const checks = checksById(report);
  const output = {
    version: 1,
    levels: report.pack.levels.map(level => level.id),
    entities: report.entities.map(entity => {
      const { scorecard } = entity;
      return {
        entityRef: entity.entityRef,
        title: entity.title,
        owner: entity.owner,
        file: entity.file,
        line: entity.line,
        repository: entity.repository,
        score: scorecard.score,
        // null (not omitted) when no level is reached / no next level.
        level: scorecard.level ?? null,
        levelIfUnknownPass: entity.levelIfUnknownPass ?? null,
        nextLevel: scorecard.nextLevel ?? null,
        blockingCheckIds: scorecard.blockingCheckIds,
        // null (not omitted) when the entity's tier has no target.
        target: entity.target ?? null,
        counts: countStates(entity),
        categories: scorecard.categories,
        results: scorecard.results.map(result => {
          const check = checks.get(result.checkId);
          return {
            checkId: result.checkId,
            title: check?.title,
            category: check?.category,
            level: check?.level,
            ...(check?.advisory ? { advisory: true } : {}),
            state: result.state,
            ...(result.notConfigured ? { notConfigured: true } : {}),
            reason: result.reason,
            evidence: result.evidence,
            ...(report.exemplars?.has(gapKey(entity.entityRef, result.checkId))
              ? {
                  learnFrom: report.exemplars.get(
                    gapKey(entity.entityRef, result.checkId),
                  ),
                }
              : {}),
          };
        }),
        evaluatedAt: scorecard.evaluatedAt,
      };
    }),
    gate: report.gate,
    ...(report.baseline
      ? {
          baseline: {
            source: report.baseline.source,
            regressions: report.baseline.regressions,
            improvements: report.baseline.improvements,
            newEntities: report.baseline.newEntities,
          },
        }
      : {}),
    notes: report.notes,
  };
  return `${JSON.stringify(output, null, 2)}\n`;
}
