/* eslint-disable no-script-url -- unsafe URLs are the test data here */
import {
  createTestFacts,
  testComponent,
} from '../engine/__testUtils__/createTestFacts';
import { evaluateReadinessRule } from './evaluateReadinessRule';
import type { ReadinessRule } from './ReadinessRule';

const component = testComponent({
  annotations: {
    'pagerduty.com/service-id': 'P123',
    'grafana/overview-dashboard': 'https://grafana.example.com/d/x',
    'acme.com/tier': '2',
    empty: '  ',
  },
  labels: { team: 'payments' },
  tags: ['java', 'tier-2'],
  links: [
    { url: 'https://wiki/run', title: 'On-call playbook' },
    { url: 'https://logs/x', title: 'Logs', type: 'LOGS' },
    { url: 'https://grafana/d', icon: 'dashboard' },
  ],
  spec: { system: 'payments', replicas: 3 },
});

const facts = createTestFacts({
  entity: component,
  owner: {
    ownerRef: 'group:default/payments',
    contacts: [
      { type: 'chat', label: '#payments', url: 'https://chat/payments' },
    ],
    members: [{ ref: 'user:default/ann', email: 'ann@example.com' }],
  },
  repository: {
    files: [
      '.github/workflows/ci.yml',
      'docs/runbook.md',
      'helm/svc/Chart.yaml',
    ],
    filesByKind: {
      ci: ['.github/workflows/ci.yml'],
      runbook: ['docs/runbook.md'],
      deploy: ['helm/svc/Chart.yaml'],
    },
    dependencies: [
      {
        ecosystem: 'npm',
        name: '@opentelemetry/sdk-node',
        manifest: 'package.json',
      },
      {
        ecosystem: 'go',
        name: 'go.opentelemetry.io/otel/sdk',
        manifest: 'go.mod',
      },
    ],
  },
  metrics: {
    signals: {
      latency: {
        present: true,
        query: 'histogram_quantile(…)',
        sample: '120 ms',
      },
      traffic: { present: false },
    },
    alertRules: ['PaymentsHighErrorRate'],
    probes: [],
  },
});

function state(rule: ReadinessRule, document = facts) {
  return evaluateReadinessRule(rule, document).state;
}

describe('evaluateReadinessRule: leaves', () => {
  it.each<[string, ReadinessRule, 'pass' | 'fail']>([
    ['annotation present', { annotation: 'pagerduty.com/service-id' }, 'pass'],
    ['annotation absent', { annotation: 'opsgenie.com/team' }, 'fail'],
    ['annotation blank', { annotation: 'empty' }, 'fail'],
    [
      'annotation blank but exists',
      { annotation: 'empty', exists: true },
      'pass',
    ],
    ['annotation glob', { annotation: 'grafana/*dashboard*' }, 'pass'],
    ['annotation any of', { annotation: ['x', 'pagerduty.com/*'] }, 'pass'],
    [
      'annotation equals',
      { annotation: 'pagerduty.com/service-id', equals: 'p123' },
      'pass',
    ],
    [
      'annotation equals other',
      { annotation: 'pagerduty.com/service-id', equals: 'P9' },
      'fail',
    ],
    ['annotation in', { annotation: 'acme.com/tier', in: [1, 2] }, 'pass'],
    [
      'annotation matches',
      {
        annotation: 'grafana/overview-dashboard',
        matches: 'https://grafana.*',
      },
      'pass',
    ],
    ['link by type (any case)', { link: 'logs' }, 'pass'],
    ['link by title keyword', { link: 'runbook' }, 'pass'],
    ['link by icon', { link: { type: 'dashboard' } }, 'pass'],
    ['link type synonym', { link: 'oncall' }, 'fail'],
    ['link title glob', { link: { title: '*playbook*' } }, 'pass'],
    ['link url glob', { link: { url: 'https://logs/*' } }, 'pass'],
    ['link icon', { link: { icon: 'Dashboard' } }, 'pass'],
    [
      'link type and title both',
      { link: { type: 'logs', title: 'Runbook' } },
      'fail',
    ],
    ['label', { label: 'team', equals: 'PAYMENTS' }, 'pass'],
    ['label absent', { label: 'tier' }, 'fail'],
    ['tag', { tag: 'JAVA' }, 'pass'],
    ['tag glob', { tag: 'tier-*' }, 'pass'],
    ['tag absent', { tag: 'go' }, 'fail'],
    ['tier any', { tier: true }, 'pass'],
    ['tier listed', { tier: ['tier-1', '2'] }, 'pass'],
    ['tier not listed', { tier: 'tier-1' }, 'fail'],
    ['field', { field: 'spec.system' }, 'pass'],
    ['field equals', { field: 'spec.system', equals: 'payments' }, 'pass'],
    ['field absent', { field: 'spec.domain' }, 'fail'],
    ['field exists false', { field: 'spec.domain', exists: false }, 'pass'],
    ['field gte', { field: 'spec.replicas', gte: 2 }, 'pass'],
    ['field lte', { field: 'spec.replicas', lte: 2 }, 'fail'],
    [
      'field with a dotted key',
      { field: 'metadata.annotations.pagerduty.com/service-id' },
      'pass',
    ],
    [
      'filter',
      { filter: { kind: 'component', 'spec.type': { $in: ['service'] } } },
      'pass',
    ],
    ['filter miss', { filter: { 'spec.lifecycle': 'experimental' } }, 'fail'],
    ['file glob', { file: '.github/workflows/*.yml' }, 'pass'],
    ['file glob miss', { file: 'Jenkinsfile' }, 'fail'],
    ['file kind', { file: { kind: 'runbook' } }, 'pass'],
    ['file kind miss', { file: { kind: 'rollback' } }, 'fail'],
    [
      'file kind and path',
      { file: { kind: 'deploy', path: 'helm/**' } },
      'pass',
    ],
    ['dependency', { dependency: '@opentelemetry/*' }, 'pass'],
    ['dependency crossing /', { dependency: 'go.opentelemetry.io/*' }, 'pass'],
    [
      'dependency ecosystem',
      { dependency: { name: '@opentelemetry/*', ecosystem: 'go' } },
      'fail',
    ],
    ['owner', { owner: { kind: 'group' } }, 'pass'],
    ['owner kind other', { owner: { kind: 'user' } }, 'fail'],
    ['owner not resolved', { owner: { resolved: false } }, 'fail'],
    ['owner contact', { ownerContact: 'chat' }, 'pass'],
    ['owner contact miss', { ownerContact: ['email', 'oncall'] }, 'fail'],
    ['owner member email', { ownerContact: 'member-email' }, 'pass'],
    ['signal', { signal: 'latency' }, 'pass'],
    ['signal not present', { signal: 'traffic' }, 'fail'],
    ['signal absent', { signal: ['errors', 'saturation'] }, 'fail'],
    ['metrics list', { metrics: 'alertRules' }, 'pass'],
    ['metrics list empty', { metrics: 'probes' }, 'fail'],
    ['metrics list missing', { metrics: 'slos' }, 'fail'],
    [
      'metrics list matches',
      { metrics: 'alertRules', matches: '*ErrorRate' },
      'pass',
    ],
    ['fact', { fact: 'owner.resolved', equals: true }, 'pass'],
    [
      'fact nested',
      { fact: 'metrics.signals.latency.present', equals: true },
      'pass',
    ],
    ['fact missing', { fact: 'owner.displayName' }, 'fail'],
  ])('%s', (_name, rule, expected) => {
    expect(state(rule)).toBe(expected);
  });
});

describe('evaluateReadinessRule: evidence', () => {
  it('names the annotation, its value and its URL', () => {
    const outcome = evaluateReadinessRule(
      { annotation: ['pagerduty.com/service-id', 'grafana/*'] },
      facts,
    );
    expect(outcome).toEqual({
      state: 'pass',
      evidence: [
        {
          kind: 'annotation',
          label: 'pagerduty.com/service-id',
          value: 'P123',
          strength: 'declared',
        },
        {
          kind: 'annotation',
          label: 'grafana/overview-dashboard',
          value: 'https://grafana.example.com/d/x',
          url: 'https://grafana.example.com/d/x',
          strength: 'declared',
        },
      ],
    });
    expect(
      evaluateReadinessRule({ annotation: 'grafana/*' }, facts),
    ).toMatchObject({
      evidence: [
        {
          kind: 'annotation',
          label: 'grafana/overview-dashboard',
          url: 'https://grafana.example.com/d/x',
        },
      ],
    });
  });

  it('says how a link was recognised', () => {
    expect(evaluateReadinessRule({ link: 'runbook' }, facts)).toEqual({
      state: 'pass',
      evidence: [
        {
          kind: 'link',
          label: 'runbook link "On-call playbook"',
          value: 'Wiki (wiki)',
          url: 'https://wiki/run',
          strength: 'declared',
        },
      ],
    });
    expect(evaluateReadinessRule({ link: 'logs' }, facts)).toMatchObject({
      evidence: [{ label: 'logs link "Logs"', value: 'type LOGS' }],
    });
  });

  it('links files and manifests to the repository', () => {
    expect(evaluateReadinessRule({ file: { kind: 'ci' } }, facts)).toEqual({
      state: 'pass',
      evidence: [
        {
          kind: 'file',
          label: '.github/workflows/ci.yml',
          value: 'ci file',
          url: 'https://github.com/acme/svc/tree/main/.github/workflows/ci.yml',
          strength: 'observed',
        },
      ],
    });
    expect(
      evaluateReadinessRule({ dependency: 'go.opentelemetry.io/*' }, facts),
    ).toEqual({
      state: 'pass',
      evidence: [
        {
          kind: 'dependency',
          label: 'go.opentelemetry.io/otel/sdk',
          value: 'go (go.mod)',
          url: 'https://github.com/acme/svc/tree/main/go.mod',
          strength: 'observed',
        },
      ],
    });
  });

  it('shows series, owner contacts, tiers and fields', () => {
    expect(evaluateReadinessRule({ signal: 'latency' }, facts)).toMatchObject({
      evidence: [
        {
          kind: 'series',
          label: 'latency (prometheus)',
          value: 'histogram_quantile(…) = 120 ms',
        },
      ],
    });
    expect(
      evaluateReadinessRule({ ownerContact: 'chat' }, facts),
    ).toMatchObject({
      evidence: [
        {
          kind: 'relation',
          label: 'owner chat',
          value: '#payments',
          url: 'https://chat/payments',
        },
      ],
    });
    expect(evaluateReadinessRule({ tier: true }, facts)).toMatchObject({
      evidence: [
        { kind: 'annotation', label: 'acme.com/tier', value: 'tier-2' },
      ],
    });
    expect(
      evaluateReadinessRule({ field: 'spec.system' }, facts),
    ).toMatchObject({
      evidence: [{ kind: 'field', label: 'spec.system', value: 'payments' }],
    });
  });

  it('collects evidence from every passing branch of anyOf, none from failing ones', () => {
    const outcome = evaluateReadinessRule(
      {
        anyOf: [
          { annotation: 'pagerduty.com/service-id' },
          { allOf: [{ tag: 'java' }, { tag: 'go' }] },
          { metrics: 'alertRules' },
        ],
      },
      facts,
    );
    expect(outcome.state).toBe('pass');
    expect(
      outcome.state === 'pass' && outcome.evidence?.map(e => e.label),
    ).toEqual(['pagerduty.com/service-id', 'alert rule']);
  });

  it('keeps no evidence under not', () => {
    expect(evaluateReadinessRule({ not: { tag: 'go' } }, facts)).toEqual({
      state: 'pass',
      evidence: [],
    });
  });

  it('bounds evidence per rule', () => {
    const many = createTestFacts({
      entity: testComponent(),
      repository: {
        files: Array.from({ length: 50 }, (_, i) => `docs/${i}.md`),
      },
    });
    const outcome = evaluateReadinessRule({ file: 'docs/*.md' }, many);
    expect(outcome.state === 'pass' && outcome.evidence?.length).toBe(3);
  });
});

describe('evaluateReadinessRule: three-valued logic', () => {
  const unavailable = createTestFacts({
    entity: testComponent({ annotations: { 'jenkins.io/job-full-name': 'x' } }),
    repository: { status: 'unavailable', reason: 'timed out after 5 s' },
    metrics: { status: 'not-configured' },
  });
  const P: ReadinessRule = { annotation: 'jenkins.io/job-full-name' };
  const F: ReadinessRule = { annotation: 'circleci.com/project-slug' };
  const U: ReadinessRule = { file: 'Jenkinsfile' };
  const A: ReadinessRule = { metrics: 'alertRules' };

  it.each<[string, ReadinessRule, string]>([
    ['unavailable leaf', U, 'unknown'],
    ['not-configured leaf', A, 'fail'],
    ['anyOf(pass, unknown)', { anyOf: [P, U] }, 'pass'],
    ['anyOf(fail, unknown)', { anyOf: [F, U] }, 'unknown'],
    ['anyOf(fail, absent)', { anyOf: [F, A] }, 'fail'],
    ['anyOf(absent, unknown)', { anyOf: [A, U] }, 'unknown'],
    ['allOf(fail, unknown)', { allOf: [F, U] }, 'fail'],
    ['allOf(pass, unknown)', { allOf: [P, U] }, 'unknown'],
    ['allOf(pass, absent)', { allOf: [P, A] }, 'fail'],
    ['allOf(pass, pass)', { allOf: [P, P] }, 'pass'],
    ['not(unknown)', { not: U }, 'unknown'],
    ['not(absent)', { not: A }, 'fail'],
    ['not(pass)', { not: P }, 'fail'],
    ['not(fail)', { not: F }, 'pass'],
  ])('%s → %s', (_name, rule, expected) => {
    expect(state(rule, unavailable)).toBe(expected);
  });

  it('gives the unavailable namespace as the reason', () => {
    expect(evaluateReadinessRule({ anyOf: [F, U] }, unavailable)).toEqual({
      state: 'unknown',
      reason: 'repository facts unavailable: timed out after 5 s',
    });
  });

  it('says what was not checked when a namespace is not configured', () => {
    expect(evaluateReadinessRule({ anyOf: [F, A] }, unavailable)).toEqual({
      state: 'fail',
      evidence: [],
      reason: 'not checked: metrics are not collected in this installation',
    });
  });

  it('reads a missing namespace as not configured', () => {
    const bare = { entityRef: 'x', namespaces: {} };
    expect(
      evaluateReadinessRule({ fact: 'security.score', gte: 3 }, bare),
    ).toEqual({
      state: 'fail',
      evidence: [],
      reason:
        'not checked: security facts are not collected in this installation',
    });
  });

  it('treats malformed namespace data as unavailable', () => {
    const broken = {
      entityRef: 'x',
      namespaces: { repository: { status: 'ok' as const, data: 'nope' } },
    };
    expect(evaluateReadinessRule({ file: '*' }, broken)).toEqual({
      state: 'unknown',
      reason:
        'repository facts unavailable: the provider returned malformed data',
    });
  });
});

describe('evaluateReadinessRule: unsafe link schemes', () => {
  const unsafe = createTestFacts({
    entity: testComponent({
      annotations: { 'acme.com/runbook-url': 'java%0ascript:alert(1)' },
      links: [
        { url: ' javascript:alert(1)', title: 'Runbook', type: 'runbook' },
      ],
    }),
  });

  it('fails a link rule whose only candidate is unsafe, saying why', () => {
    expect(evaluateReadinessRule({ link: 'runbook' }, unsafe)).toEqual({
      state: 'fail',
      evidence: [],
      reason: 'unsafe link scheme: link "Runbook" is not counted',
    });
  });

  it('fails an annotation rule whose only candidate is unsafe, saying why', () => {
    expect(
      evaluateReadinessRule({ annotation: 'acme.com/runbook-url' }, unsafe),
    ).toEqual({
      state: 'fail',
      evidence: [],
      reason:
        'unsafe link scheme: annotation acme.com/runbook-url is not counted',
    });
  });

  it('fails a field rule on an unsafe link value', () => {
    const withData = createTestFacts({
      entity: testComponent({ spec: { runbook: 'data:text/html,<b>x</b>' } }),
    });
    expect(evaluateReadinessRule({ field: 'spec.runbook' }, withData)).toEqual({
      state: 'fail',
      evidence: [],
      reason: 'unsafe link scheme: field spec.runbook is not counted',
    });
  });

  it('passes without a note when another branch passes', () => {
    const outcome = evaluateReadinessRule(
      { anyOf: [{ link: 'runbook' }, { tag: 'java' }] },
      createTestFacts({
        entity: testComponent({
          tags: ['java'],
          links: [{ url: 'javascript:x', type: 'runbook' }],
        }),
      }),
    );
    expect(outcome).toEqual({
      state: 'pass',
      evidence: [{ kind: 'tag', label: 'java', strength: 'declared' }],
    });
  });
});

describe('evaluateReadinessRule: needsFacts', () => {
  const rule: ReadinessRule = {
    allOf: [
      { annotation: 'github.com/project-slug' },
      { needsFacts: 'repository', reason: 'a pointer alone does not show CI' },
    ],
  };
  const entity = testComponent({
    annotations: { 'github.com/project-slug': 'acme/payments' },
  });

  it('is unknown with the reason when the namespace is not there', () => {
    expect(
      evaluateReadinessRule(
        rule,
        createTestFacts({ entity, repository: { status: 'not-configured' } }),
      ),
    ).toEqual({
      state: 'unknown',
      reason:
        'a pointer alone does not show CI (repository facts are not collected in this installation)',
    });
  });

  it('does not hold when the namespace is there', () => {
    expect(
      evaluateReadinessRule(rule, createTestFacts({ entity, repository: {} })),
    ).toEqual({ state: 'fail', evidence: [] });
  });

  it('needs a namespace and a reason', () => {
    expect(() =>
      evaluateReadinessRule(
        { needsFacts: 'repository' } as never,
        createTestFacts({ entity }),
      ),
    ).toThrow('rule.reason: expected the reason to give, got undefined');
    expect(() =>
      evaluateReadinessRule(
        { needsFacts: 'a.b', reason: 'x' },
        createTestFacts({ entity }),
      ),
    ).toThrow(/rule\.needsFacts: expected a fact namespace/);
  });
});
