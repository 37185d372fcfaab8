import type {
  CheckResult,
  EntityScorecard,
} from '@prodready/plugin-readiness-common';
import { fixturePack } from '../__fixtures__/fixturePack';
import type { ScoreReport, ScoredEntity } from '../report/ScoreReport';

/** A scored entity with the given result states (reason `<id> is <state>`). */
export function scoredEntity(
  name: string,
  states: Record<string, CheckResult['state']>,
  level?: string,
): ScoredEntity {
  const scorecard: EntityScorecard = {
    entityRef: `component:default/${name}`,
    score: 0,
    level,
    blockingCheckIds: Object.keys(states).filter(id => states[id] !== 'pass'),
    results: Object.entries(states).map(([checkId, state]) => ({
      checkId,
      state,
      reason: `${checkId} is ${state}`,
      evidence: [],
    })),
    categories: [],
    evaluatedAt: '2026-01-01T00:00:00.000Z',
  };
  return {
    entityRef: scorecard.entityRef,
    file: 'catalog-info.yaml',
    line: 1,
    column: 1,
    scorecard,
    repository: { directory: '.', reason: '--repo' },
  };
}

/** A report of the fixture pack over the given entities, no gate. */
export function reportOf(entities: ScoredEntity[]): ScoreReport {
  return {
    pack: fixturePack,
    entities,
    gate: { failOn: [], strict: false, passed: true, failures: [] },
    notes: [],
  };
}
