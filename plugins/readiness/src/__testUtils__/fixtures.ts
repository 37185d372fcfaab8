/*
 * Test data shaped like the readiness backend's answers, shared by the tests
 * of this package. Not exported from the package.
 */
import type {
  ChampionsResponse,
  CheckInfo,
  CheckPackResponse,
  EntityScorecardResponse,
  EntitySummary,
  Exemption,
  RollupResponse,
  RunInfo,
  SearchResponse,
  TrendPoint,
} from '@prodready/plugin-readiness-common';

function check(
  id: string,
  title: string,
  level: string,
  markdown: string,
): CheckInfo {
  return {
    id,
    title,
    category: id.split('.')[0],
    level,
    weight: 1,
    requires: ['entity'],
    minStrength: 'declared',
    remediation: {
      markdown,
      links: [
        {
          title: `How to fix: ${title}`,
          url: `https://docs.example.com/${id}`,
        },
      ],
    },
  };
}

export const checkPack: CheckPackResponse = {
  levels: [
    { id: 'bronze', title: 'Bronze' },
    { id: 'silver', title: 'Silver' },
    { id: 'gold', title: 'Gold' },
  ],
  categories: [
    'monitoring',
    'logging',
    'tracing',
    'runbook',
    'delivery',
    'ownership',
  ],
  checks: [
    check(
      'ownership.owner-group',
      'Owner is a team',
      'bronze',
      'Set `spec.owner` to a Group.',
    ),
    check('delivery.ci', 'CI configured', 'bronze', 'Add a **CI** workflow.'),
    check(
      'runbook.linked',
      'Runbook linked',
      'bronze',
      'Add a link of type `runbook`.',
    ),
    check(
      'monitoring.alerts',
      'Alerts reach on-call',
      'silver',
      'Add the `pagerduty.com/service-id` annotation.',
    ),
    check(
      'tracing.instrumented',
      'Tracing instrumented',
      'silver',
      'Add OpenTelemetry.',
    ),
    check(
      'monitoring.latency',
      'Latency observed live',
      'gold',
      'Export request latency histograms.',
    ),
  ],
};

function summary(
  name: string,
  fields: Partial<EntitySummary> = {},
): EntitySummary {
  return {
    entityRef: `component:default/${name}`,
    kind: 'Component',
    namespace: 'default',
    name,
    type: 'service',
    lifecycle: 'production',
    owner: 'group:default/team-checkout',
    system: 'shop',
    domain: 'commerce',
    tier: 'tier-1',
    score: 50,
    level: 'bronze',
    gaps: 2,
    evaluatedAt: '2025-05-01T10:00:00.000Z',
    ...fields,
  };
}

export const checkoutSummary = summary('checkout-api', {
  title: 'Checkout API',
  score: 60,
  level: 'bronze',
  gaps: 2,
});

export const paymentsSummary = summary('payments-api', {
  title: 'Payments API',
  owner: 'group:default/team-payments',
  system: 'payments',
  score: 100,
  level: 'gold',
  gaps: 0,
});

export const searchSummary = summary('search-web', {
  owner: 'group:default/team-search',
  type: 'website',
  score: 20,
  level: undefined,
  gaps: 4,
});

export const trend: TrendPoint[] = [
  { date: '2025-04-01', score: 40, levels: { none: 2, bronze: 1, gold: 0 } },
  { date: '2025-04-15', score: 48, levels: { none: 1, bronze: 2, gold: 0 } },
  { date: '2025-05-01', score: 60, levels: { none: 1, bronze: 1, gold: 1 } },
];

export const checkoutScorecard: EntityScorecardResponse = {
  entity: checkoutSummary,
  nextLevel: 'silver',
  blockingCheckIds: ['monitoring.alerts', 'tracing.instrumented'],
  categories: [
    {
      category: 'monitoring',
      passed: 0,
      failed: 1,
      unknown: 1,
      applicable: 2,
      score: 0,
    },
    {
      category: 'tracing',
      passed: 0,
      failed: 1,
      unknown: 0,
      applicable: 1,
      score: 0,
    },
    {
      category: 'runbook',
      passed: 1,
      failed: 0,
      unknown: 0,
      applicable: 1,
      score: 100,
    },
    {
      category: 'delivery',
      passed: 1,
      failed: 0,
      unknown: 0,
      applicable: 1,
      score: 100,
    },
    {
      category: 'ownership',
      passed: 1,
      failed: 0,
      unknown: 0,
      applicable: 1,
      score: 100,
    },
  ],
  results: [
    {
      checkId: 'ownership.owner-group',
      state: 'pass',
      reason: 'Owned by the group team-checkout',
      evidence: [
        {
          kind: 'relation',
          label: 'ownedBy',
          value: 'group:default/team-checkout',
        },
      ],
      check: checkPack.checks[0],
    },
    {
      checkId: 'delivery.ci',
      state: 'pass',
      reason: 'A CI workflow was found',
      evidence: [
        {
          kind: 'file',
          label: '.github/workflows/ci.yaml',
          url: 'https://git.example.com/checkout/blob/main/.github/workflows/ci.yaml',
        },
      ],
      check: checkPack.checks[1],
    },
    {
      checkId: 'runbook.linked',
      state: 'exempt',
      reason: 'Exempt: the runbook lives in the shop system',
      evidence: [],
      exemption: {
        id: 'ex-1',
        entityRef: 'component:default/checkout-api',
        checkId: 'runbook.linked',
        reason: 'The runbook lives in the shop system',
        author: 'user:default/alice',
        createdAt: '2025-04-20T08:00:00.000Z',
        expiresAt: '2025-12-31T00:00:00.000Z',
      },
      check: checkPack.checks[2],
    },
    {
      checkId: 'monitoring.alerts',
      state: 'fail',
      reason: 'No on-call routing found',
      evidence: [],
      check: checkPack.checks[3],
      learnFrom: [
        {
          entity: paymentsSummary,
          owner: {
            ref: 'group:default/team-payments',
            displayName: 'Payments Team',
            contacts: [
              {
                type: 'email',
                label: 'payments@example.com',
                url: 'mailto:payments@example.com',
              },
              {
                type: 'chat',
                label: '#payments',
                url: 'https://chat.example.com/payments',
              },
            ],
          },
          similarity: ['same domain', 'same type'],
          evidence: [
            {
              kind: 'annotation',
              label: 'pagerduty.com/service-id',
              value: 'PX123',
              url: 'https://pagerduty.example.com/services/PX123',
            },
          ],
        },
      ],
    },
    {
      checkId: 'tracing.instrumented',
      state: 'fail',
      reason: 'No tracing annotation or OpenTelemetry SDK found',
      evidence: [],
      check: checkPack.checks[4],
      learnFrom: [],
    },
    {
      checkId: 'monitoring.latency',
      state: 'unknown',
      reason: 'Metrics are not collected in this installation',
      evidence: [],
      check: checkPack.checks[5],
    },
  ],
  owner: {
    ref: 'group:default/team-checkout',
    displayName: 'Checkout Team',
    contacts: [
      {
        type: 'email',
        label: 'checkout@example.com',
        url: 'mailto:checkout@example.com',
      },
      {
        type: 'chat',
        label: '#checkout',
        url: 'https://chat.example.com/checkout',
      },
    ],
  },
  history: [
    {
      checkId: 'delivery.ci',
      from: 'fail',
      to: 'pass',
      at: '2025-04-15T09:00:00.000Z',
    },
    {
      checkId: 'runbook.linked',
      from: 'fail',
      to: 'exempt',
      at: '2025-04-20T08:00:00.000Z',
    },
  ],
  trend: [
    { date: '2025-04-01', score: 40, levels: {} },
    { date: '2025-04-15', score: 50, levels: {} },
    { date: '2025-05-01', score: 60, levels: {} },
  ],
};

export const paymentsScorecard: EntityScorecardResponse = {
  entity: paymentsSummary,
  blockingCheckIds: [],
  categories: checkoutScorecard.categories.map(c => ({
    ...c,
    passed: c.applicable,
    failed: 0,
    unknown: 0,
    score: 100,
  })),
  results: checkPack.checks.map(c => ({
    checkId: c.id,
    state: 'pass' as const,
    reason: `${c.title}: passing`,
    evidence: [],
    check: c,
  })),
  owner: {
    ref: 'group:default/team-payments',
    displayName: 'Payments Team',
    contacts: [{ type: 'email', label: 'payments@example.com' }],
  },
  history: [],
  trend: [],
};

export const searchResponse: SearchResponse = {
  items: [checkoutSummary, searchSummary],
  totalCount: 3,
  nextCursor: 'page-2',
};

export const secondSearchPage: SearchResponse = {
  items: [paymentsSummary],
  totalCount: 3,
};

function rollupGroup(
  key: string,
  meanScore: number,
  categories: Record<string, number>,
) {
  return {
    key,
    entities: 2,
    belowTarget: 1,
    meanScore,
    levels: { none: 1, bronze: 1 },
    categories,
  };
}

export const ownerRollups: RollupResponse = {
  groupBy: 'owner',
  groups: [
    rollupGroup('group:default/team-checkout', 60, {
      monitoring: 0.25,
      logging: 1,
      tracing: 0,
      runbook: 0.5,
      delivery: 1,
      ownership: 1,
    }),
    rollupGroup('group:default/team-payments', 100, {
      monitoring: 1,
      logging: 1,
      tracing: 1,
      runbook: 1,
      delivery: 1,
      ownership: 1,
    }),
  ],
  total: {
    key: 'total',
    entities: 3,
    belowTarget: 2,
    meanScore: 60,
    levels: { none: 1, bronze: 1, silver: 0, gold: 1 },
    categories: { monitoring: 0.5 },
  },
};

export const champions: ChampionsResponse = {
  checks: [
    {
      checkId: 'monitoring.alerts',
      champions: [
        {
          owner: {
            ref: 'group:default/team-payments',
            displayName: 'Payments Team',
            contacts: [
              {
                type: 'chat',
                label: '#payments',
                url: 'https://chat.example.com/payments',
              },
            ],
          },
          passRate: 1,
          passing: 4,
          applicable: 4,
        },
      ],
    },
  ],
};

export const lastRun: RunInfo = {
  id: 'run-1',
  trigger: 'schedule',
  status: 'succeeded',
  startedAt: '2025-05-01T09:59:00.000Z',
  finishedAt: '2025-05-01T10:00:00.000Z',
  entitiesTotal: 3,
  entitiesDone: 3,
  errors: [],
};

export const newExemption: Exemption = {
  id: 'ex-2',
  entityRef: 'component:default/checkout-api',
  checkId: 'monitoring.alerts',
  reason: 'Batch job, nobody to page',
  author: 'user:default/alice',
  createdAt: '2025-05-02T10:00:00.000Z',
};
