import type {
  CheckInfo,
  CheckPackResponse,
  EntitySummary,
} from '@prodready/plugin-readiness-common';
import type { FakeScoredEntity } from './createFakeReadinessBackend';

function check(
  id: string,
  title: string,
  category: string,
  level: string,
): CheckInfo {
  return {
    id,
    title,
    category,
    level,
    weight: 1,
    requires: ['entity'],
    minStrength: 'declared',
    remediation: { markdown: `Do what ${title} asks.` },
  };
}

/** A small pack with the checks the gap queries are about. */
export const testPack: CheckPackResponse = {
  levels: [
    { id: 'bronze', title: 'Bronze' },
    { id: 'silver', title: 'Silver' },
    { id: 'gold', title: 'Gold' },
  ],
  categories: ['ownership', 'runbook', 'delivery', 'monitoring'],
  checks: [
    check('ownership.contact', 'Owner has a contact', 'ownership', 'bronze'),
    check('runbook.linked', 'Runbook linked', 'runbook', 'bronze'),
    check(
      'delivery.rollback',
      'Rollback documented or automated',
      'delivery',
      'silver',
    ),
    check('monitoring.dashboard', 'Dashboard linked', 'monitoring', 'silver'),
  ],
};

function summary(
  name: string,
  owner: string,
  level: string | undefined,
  score: number,
  gaps: number,
  title?: string,
): EntitySummary {
  return {
    entityRef: `component:default/${name}`,
    kind: 'Component',
    namespace: 'default',
    name,
    title,
    type: 'service',
    owner: `group:default/${owner}`,
    system: 'system:default/shop',
    score,
    level,
    gaps,
    evaluatedAt: '2026-01-01T00:00:00.000Z',
  };
}

/**
 * Five scored services: two of team-payments with different gaps, one
 * complete payments service, and two of other teams.
 */
export const testEntities: FakeScoredEntity[] = [
  {
    summary: summary(
      'payments-api',
      'team-payments',
      undefined,
      50,
      2,
      'Payments API',
    ),
    failing: ['runbook.linked', 'delivery.rollback'],
  },
  {
    summary: summary('payments-web', 'team-payments', 'bronze', 75, 1),
    failing: ['monitoring.dashboard'],
  },
  {
    summary: summary('checkout', 'team-payments', 'silver', 100, 0),
    failing: [],
    declaredOnly: ['runbook.linked'],
  },
  {
    summary: summary('ledger', 'team-finance', undefined, 75, 1),
    failing: ['runbook.linked'],
  },
  {
    summary: summary('search-api', 'team-discovery', 'bronze', 75, 1),
    failing: ['delivery.rollback'],
  },
];
