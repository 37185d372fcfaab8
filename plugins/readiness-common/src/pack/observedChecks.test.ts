import {
  createTestFacts,
  testComponent,
  TestFactsInput,
} from '../engine/__testUtils__/createTestFacts';
import { compileCheckPack } from '../engine/compileCheckPack';
import { evaluateEntity } from '../engine/evaluateEntity';
import type { MetricsFacts } from '../types';
import { createCheckPack } from './CheckPack';

const compiledPack = compileCheckPack(createCheckPack());

/** A service that claims a dashboard, on-call, a probe and an SLO. */
const claims = testComponent({
  type: 'service',
  annotations: {
    'pagerduty.com/service-id': 'P123456',
    'grafana/dashboard-selector': "tags @> 'payments'",
    'prodready.io/probe-url': 'https://payments.example.com/health',
    'prodready.io/slo-url': 'https://slo.example.com/payments',
  },
  links: [
    {
      url: 'https://grafana.example.com/d/payments',
      title: 'Payments dashboard',
      type: 'dashboard',
    },
  ],
});

function scorecard(metrics: TestFactsInput['metrics']) {
  return evaluateEntity(
    compiledPack,
    createTestFacts({
      entity: claims,
      owner: { resolved: true, kind: 'group', contacts: [], members: [] },
      repository: { files: [], filesByKind: {}, dependencies: [] },
      metrics,
    }),
    { now: new Date('2026-01-01T00:00:00Z') },
  );
}

function stateOf(
  checkId: string,
  metrics: TestFactsInput['metrics'],
): { state: string; reason: string; strengths: string[] } {
  const result = scorecard(metrics).results.find(r => r.checkId === checkId)!;
  return {
    state: result.state,
    reason: result.reason,
    strengths: result.evidence.map(e => e.strength ?? 'none'),
  };
}

const observed: Partial<MetricsFacts> = {
  source: 'prometheus',
  signals: { traffic: { present: true, query: 'sum(rate(x[5m]))' } },
  alertRules: ['PaymentsDown'],
  alertRunbooks: ['PaymentsDown: https://runbooks.example.com/payments'],
  probes: ['probe_success{service="payments"} = 1'],
  burnRateAlerts: ['PaymentsAvailabilityBurnRate'],
  tlsProbes: ['probe_ssl_earliest_cert_expiry{service="payments"}: 60 days'],
};

const nothing: Partial<MetricsFacts> = {
  source: 'prometheus',
  signals: {},
  alertRules: [],
  probes: [],
  slos: [],
};

describe('claimed, not observed', () => {
  const observing = [
    'monitoring.dashboard',
    'monitoring.alerts',
    'monitoring.positive',
    'monitoring.slo',
  ];

  it.each(observing)(
    '%s is claimed when metrics are there and show nothing',
    checkId => {
      const result = stateOf(checkId, nothing);
      expect(result.state).toBe('claimed');
      expect(result.reason).toMatch(/^Claimed, not observed: /);
    },
  );

  it.each(observing)(
    '%s passes on observed evidence, listed first',
    checkId => {
      const result = stateOf(checkId, observed);
      expect(result.state).toBe('pass');
      expect(result.strengths[0]).toBe('observed');
    },
  );

  it.each(observing)(
    '%s passes on the claim alone without a metrics provider',
    checkId => {
      const result = stateOf(checkId, { status: 'not-configured' });
      expect(result.state).toBe('pass');
      expect(result.strengths).not.toContain('observed');
    },
  );

  it.each(observing)(
    '%s passes on the claim alone while metrics are unavailable',
    checkId => {
      expect(stateOf(checkId, { status: 'unavailable' }).state).toBe('pass');
    },
  );

  it('keeps the on-call claim when the metrics store has no ruler', () => {
    const { alertRules: _none, ...withoutRules } = nothing;
    expect(stateOf('monitoring.alerts', withoutRules).state).toBe('pass');
  });

  it('shows the runbook of an alert rule as observed evidence', () => {
    const result = scorecard(observed).results.find(
      r => r.checkId === 'monitoring.alerts',
    )!;
    expect(result.evidence).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          label: 'alert runbook',
          value: 'PaymentsDown: https://runbooks.example.com/payments',
          strength: 'observed',
        }),
      ]),
    );
  });

  it('recognises an SLO from its burn-rate alerts alone', () => {
    const metrics = { ...nothing, burnRateAlerts: ['SlothBurnRate'] };
    expect(stateOf('monitoring.slo', metrics).state).toBe('pass');
    expect(stateOf('monitoring.positive', metrics).state).toBe('pass');
  });

  it('counts claimed as a gap: no level above it, not passing', () => {
    const card = scorecard(nothing);
    const claimed = card.results.filter(r => r.state === 'claimed');
    expect(claimed.map(r => r.checkId)).toEqual(
      expect.arrayContaining(['monitoring.dashboard', 'monitoring.alerts']),
    );
    const monitoring = card.categories.find(c => c.category === 'monitoring')!;
    expect(monitoring.passed).toBe(0);
    expect(monitoring.failed).toBeGreaterThanOrEqual(4);
    expect(card.level).not.toBe('silver');
    expect(card.level).not.toBe('gold');
  });
});
