import type {
  CheckResult,
  CheckState,
  TeamContact,
} from '@prodready/plugin-readiness-common';
import type { EntityScoreWrite } from '../database/ReadinessStore';

/*
 * Fixtures of the store tests: times and fresh scores to write.
 */

export const T0 = new Date('2025-03-01T10:00:00.000Z');
export const T1 = new Date('2025-03-02T10:00:00.000Z');
export const T2 = new Date('2025-03-05T10:00:00.000Z');
export const T3 = new Date('2025-03-06T10:00:00.000Z');

/** A check result with a reason naming its state. */
export function result(
  checkId: string,
  state: CheckState,
  extra: Partial<CheckResult> = {},
): CheckResult {
  return {
    checkId,
    state,
    reason: `${checkId} is ${state}`,
    evidence: [],
    ...extra,
  };
}

/** What {@link entity} varies. */
export interface EntityOptions {
  owner?: string;
  system?: string;
  domain?: string;
  type?: string;
  kind?: string;
  title?: string;
  tier?: string;
  lifecycle?: string;
  score?: number;
  level?: string;
  levelRank?: number;
  nextLevel?: string;
  traits?: string[];
  results?: CheckResult[];
  ownerContact?: TeamContact;
}

/** A fresh score of a Component (or `kind`) named `name`. */
export function entity(name: string, o: EntityOptions = {}): EntityScoreWrite {
  const kind = o.kind ?? 'Component';
  const results = o.results ?? [
    result('ownership.owner', 'pass'),
    result('tracing.instrumented', 'fail'),
  ];
  return {
    summary: {
      entityRef: `${kind.toLocaleLowerCase('en-US')}:default/${name}`,
      kind,
      namespace: 'default',
      name,
      title: o.title,
      type: o.type ?? 'service',
      lifecycle: o.lifecycle ?? 'production',
      owner: o.owner ?? 'group:default/team-a',
      system: o.system,
      domain: o.domain,
      tier: o.tier,
      score: o.score ?? 50,
      level: o.level,
      gaps: results.filter(r => r.state === 'fail').length,
    },
    levelRank: o.levelRank ?? 0,
    nextLevel: o.nextLevel,
    blockingCheckIds: [],
    categories: [
      {
        category: 'tracing',
        passed: results.filter(r => r.state === 'pass').length,
        failed: results.filter(r => r.state === 'fail').length,
        unknown: 0,
        applicable: results.length,
        score: o.score ?? 50,
      },
    ],
    traits: o.traits ?? [],
    results,
    ownerContact: o.ownerContact,
  };
}
