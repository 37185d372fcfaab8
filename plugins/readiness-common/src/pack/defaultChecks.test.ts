import {
  createTestFacts,
  testComponent,
  TestFactsInput,
} from '../engine/__testUtils__/createTestFacts';
import { evaluateEntity } from '../engine/evaluateEntity';
import { compileCheckPack } from '../engine/compileCheckPack';
import type { CheckState, FactNamespace } from '../types';
import { createCheckPack } from './CheckPack';
import { defaultChecks } from './defaultChecks';

const pack = createCheckPack();
const compiledPack = compileCheckPack(pack);

type Entity = ReturnType<typeof testComponent>;

/** Everything available and empty: every check that applies fails. */
function baseInput(entity: Entity = testComponent()): TestFactsInput {
  return {
    entity,
    owner: { resolved: true, kind: 'group', contacts: [], members: [] },
    repository: { files: [], filesByKind: {}, dependencies: [] },
    metrics: { signals: {} },
  };
}

function evaluate(input: TestFactsInput) {
  return evaluateEntity(compiledPack, createTestFacts(input), {
    now: new Date('2026-01-01T00:00:00Z'),
  });
}

function resultOf(checkId: string, input: TestFactsInput) {
  const result = evaluate(input).results.find(r => r.checkId === checkId);
  if (!result) {
    throw new Error(`no result for ${checkId}`);
  }
  return result;
}

const withAnnotations = (annotations: Record<string, string>) =>
  baseInput(testComponent({ annotations }));
const withLinks = (...links: Array<Record<string, string>>) =>
  baseInput(testComponent({ links }));
const withEntity = (overrides: Parameters<typeof testComponent>[0]) =>
  baseInput(testComponent(overrides));
const withRepository = (
  files: Record<string, string[]>,
  dependencies: Array<{ ecosystem: string; name: string }> = [],
): TestFactsInput => ({
  ...baseInput(),
  repository: {
    files: Object.values(files).flat(),
    filesByKind: files,
    dependencies: dependencies.map(d => ({
      ...d,
      manifest: 'package.json',
    })) as never,
  },
});
const withOwner = (owner: Record<string, unknown>): TestFactsInput => ({
  ...baseInput(),
  owner: { resolved: true, kind: 'group', contacts: [], members: [], ...owner },
});
const withMetrics = (metrics: Record<string, unknown>): TestFactsInput => ({
  ...baseInput(),
  metrics: { signals: {}, ...metrics },
});
const unavailable = (
  input: TestFactsInput,
  namespace: 'entity' | 'owner' | 'repository' | 'metrics',
  status: 'unavailable' | 'not-configured' = 'unavailable',
): TestFactsInput => ({
  ...input,
  [namespace]: { status, reason: 'provider timed out' },
});

interface CheckCases {
  /** Inputs that pass, with a piece of the evidence label expected. */
  pass: Array<[string, TestFactsInput, string]>;
  /** Inputs that fail. */
  fail: Array<[string, TestFactsInput] | [string, TestFactsInput, RegExp]>;
  /** Inputs that are unknown, with a piece of the reason expected. */
  unknown: Array<[string, TestFactsInput, RegExp]>;
}

const CASES: Record<string, CheckCases> = {
  'ownership.owner-resolves': {
    pass: [
      ['a group owner', withOwner({ ownerRef: 'group:default/a' }), 'owner'],
    ],
    fail: [
      ['an owner not in the catalog', withOwner({ resolved: false })],
      ['a person as owner', withOwner({ kind: 'user' })],
    ],
    unknown: [
      [
        'owner facts unavailable',
        unavailable(baseInput(), 'owner'),
        /owner facts unavailable: provider timed out/i,
      ],
      [
        'owner facts not configured',
        unavailable(baseInput(), 'owner', 'not-configured'),
        /owner facts not configured/i,
      ],
    ],
  },
  'ownership.contact': {
    pass: [
      [
        'a team email contact',
        withOwner({ contacts: [{ type: 'email', label: 'a@x.com' }] }),
        'owner email',
      ],
      [
        'a chat channel',
        withOwner({ contacts: [{ type: 'chat', label: '#a' }] }),
        'owner chat',
      ],
      [
        'an on-call link',
        withOwner({ contacts: [{ type: 'oncall', label: 'PagerDuty' }] }),
        'owner oncall',
      ],
      ['the profile email', withOwner({ email: 'team@x.com' }), 'owner email'],
      [
        'a member with email',
        withOwner({
          members: [{ ref: 'user:default/ann', email: 'ann@x.com' }],
        }),
        'owner member user:default/ann',
      ],
    ],
    fail: [
      ['no contact at all', withOwner({})],
      [
        'only a URL contact',
        withOwner({ contacts: [{ type: 'url', label: 'Wiki' }] }),
      ],
      [
        'members without email',
        withOwner({ members: [{ ref: 'user:default/ann' }] }),
      ],
    ],
    unknown: [
      [
        'owner facts unavailable',
        unavailable(baseInput(), 'owner'),
        /owner facts unavailable/i,
      ],
    ],
  },
  'ownership.system': {
    pass: [
      [
        'spec.system',
        withEntity({ spec: { system: 'payments' } }),
        'spec.system',
      ],
    ],
    fail: [
      ['no system', withEntity({})],
      ['a blank system', withEntity({ spec: { system: ' ' } })],
    ],
    unknown: [
      [
        'entity facts unavailable',
        unavailable(baseInput(), 'entity'),
        /entity facts unavailable/i,
      ],
    ],
  },
  'ownership.tier': {
    pass: [
      [
        'prodready.io/tier',
        withAnnotations({ 'prodready.io/tier': '1' }),
        'prodready.io/tier',
      ],
      [
        'service-tier: critical',
        withAnnotations({ 'service-tier': 'critical' }),
        'service-tier',
      ],
      ['a tier label', withEntity({ labels: { tier: 'tier-2' } }), 'tier'],
      ['a tier tag', withEntity({ tags: ['tier-3'] }), 'tier-3'],
    ],
    fail: [
      ['no tier', withEntity({})],
      [
        'a tier but no lifecycle',
        withEntity({ tags: ['tier-1'], spec: { lifecycle: undefined } }),
      ],
    ],
    unknown: [
      [
        'entity facts unavailable',
        unavailable(baseInput(), 'entity'),
        /entity facts unavailable/i,
      ],
    ],
  },
  'delivery.ci': {
    pass: [
      [
        'jenkins.io/job-full-name',
        withAnnotations({ 'jenkins.io/job-full-name': 'a/b' }),
        'jenkins.io/job-full-name',
      ],
      [
        'buildkite.com/project-slug (Roadie)',
        withAnnotations({ 'buildkite.com/project-slug': 'acme/payments' }),
        'buildkite.com/project-slug',
      ],
      [
        'travis-ci.com/repo-slug',
        withAnnotations({ 'travis-ci.com/repo-slug': 'acme/payments' }),
        'travis-ci.com/repo-slug',
      ],
      [
        'dev.azure.com/build-definition',
        withAnnotations({ 'dev.azure.com/build-definition': 'payments-ci' }),
        'dev.azure.com/build-definition',
      ],
      [
        'harness.io/pipelines',
        withAnnotations({
          'harness.io/pipelines': 'build: https://app.harness.io/x',
        }),
        'harness.io/pipelines',
      ],
      [
        'tekton.dev/cicd',
        withAnnotations({ 'tekton.dev/cicd': 'true' }),
        'tekton.dev/cicd',
      ],
      [
        'a GitHub slug with a workflow file in the repository',
        {
          ...withRepository({ ci: ['.github/workflows/ci.yml'] }),
          entity: testComponent({
            annotations: { 'github.com/project-slug': 'acme/payments' },
          }),
        },
        '.github/workflows/ci.yml',
      ],
      [
        'circleci.com/project-slug',
        withAnnotations({ 'circleci.com/project-slug': 'gh/a/b' }),
        'circleci.com/project-slug',
      ],
      [
        'buildkite.com/pipeline-slug',
        withAnnotations({ 'buildkite.com/pipeline-slug': 'a/b' }),
        'buildkite.com/pipeline-slug',
      ],
      [
        'a ci link',
        withLinks({ url: 'https://ci/x', title: 'CI pipeline', type: 'ci' }),
        'ci link',
      ],
      [
        'a CI file',
        withRepository({ ci: ['.circleci/config.yml'] }),
        '.circleci/config.yml',
      ],
      [
        'an annotation while the repository is unavailable',
        unavailable(
          withAnnotations({ 'jenkins.io/job-full-name': 'a/b' }),
          'repository',
        ),
        'jenkins.io/job-full-name',
      ],
    ],
    fail: [
      ['nothing', baseInput()],
      [
        'nothing, repository not configured',
        unavailable(baseInput(), 'repository', 'not-configured'),
      ],
      [
        'a GitHub slug alone, the repository holding no CI file',
        withAnnotations({ 'github.com/project-slug': 'acme/payments' }),
      ],
      [
        'a GitLab slug alone, the repository holding no CI file',
        withAnnotations({ 'gitlab.com/project-slug': 'acme/payments' }),
      ],
    ],
    unknown: [
      [
        'repository unavailable',
        unavailable(baseInput(), 'repository'),
        /repository facts unavailable: provider timed out/i,
      ],
      [
        'a GitHub slug alone without repository facts',
        unavailable(
          withAnnotations({ 'github.com/project-slug': 'acme/payments' }),
          'repository',
          'not-configured',
        ),
        /^A repository pointer says where the code lives, not that CI builds it; a CI file in the repository would decide \(repository facts not configured: provider timed out\)$/,
      ],
      [
        'a GitLab slug alone with the repository unavailable',
        unavailable(
          withAnnotations({ 'gitlab.com/project-slug': 'acme/payments' }),
          'repository',
        ),
        /repository pointer says where the code lives.*repository facts unavailable: provider timed out/,
      ],
    ],
  },
  'logging.logs': {
    pass: [
      [
        'a logs link',
        withLinks({ url: 'https://logs/x', type: 'logs' }),
        'logs link',
      ],
      [
        'a capitalised type',
        withLinks({ url: 'https://logs/x', title: 'Logs', type: 'Logs' }),
        'logs link "Logs"',
      ],
      [
        'a title only',
        withLinks({ url: 'https://kibana/x', title: 'Kibana logs' }),
        'logs link "Kibana logs"',
      ],
      [
        'an annotation',
        withAnnotations({ 'prodready.io/logs-url': 'https://logs/x' }),
        'prodready.io/logs-url',
      ],
    ],
    fail: [
      ['nothing', baseInput()],
      [
        'a dashboard link only',
        withLinks({ url: 'https://grafana/x', type: 'dashboard' }),
      ],
    ],
    unknown: [
      [
        'entity facts unavailable',
        unavailable(baseInput(), 'entity'),
        /entity facts unavailable/i,
      ],
    ],
  },
  'runbook.runbook': {
    pass: [
      [
        'a runbook link',
        withLinks({ url: 'https://wiki/x', type: 'runbook' }),
        'runbook link',
      ],
      [
        'a title only',
        withLinks({ url: 'https://wiki/x', title: 'Runbook' }),
        'runbook link "Runbook"',
      ],
      [
        'an on-call playbook',
        withLinks({ url: 'https://wiki/x', title: 'On-call playbook' }),
        'runbook link',
      ],
      [
        'a runbook file',
        withRepository({ runbook: ['docs/runbook.md'] }),
        'docs/runbook.md',
      ],
      [
        'an annotation',
        withAnnotations({ 'prodready.io/runbook-url': 'https://wiki/x' }),
        'prodready.io/runbook-url',
      ],
    ],
    fail: [['nothing', baseInput()]],
    unknown: [
      [
        'repository unavailable',
        unavailable(baseInput(), 'repository'),
        /repository facts unavailable/i,
      ],
    ],
  },
  'monitoring.dashboard': {
    pass: [
      [
        'a dashboard link',
        withLinks({ url: 'https://grafana/x', type: 'dashboard' }),
        'dashboard link',
      ],
      [
        'an icon and a Grafana dashboard URL',
        withLinks({ url: 'https://grafana/d/x', icon: 'dashboard' }),
        'dashboard link',
      ],
      [
        'a title and a Grafana URL',
        withLinks({ url: 'https://grafana/x', title: 'Grafana dashboard' }),
        'dashboard link "Grafana dashboard"',
      ],
      [
        'an untitled Datadog dashboard URL',
        withLinks({ url: 'https://app.datadoghq.com/dashboard/abc-123' }),
        'dashboard link',
      ],
      [
        'grafana/dashboard-selector',
        withAnnotations({ 'grafana/dashboard-selector': "tags @> 'x'" }),
        'grafana/dashboard-selector',
      ],
      [
        'grafana/overview-dashboard',
        withAnnotations({ 'grafana/overview-dashboard': 'https://g/d' }),
        'grafana/overview-dashboard',
      ],
      [
        'datadoghq.com/dashboard-url',
        withAnnotations({ 'datadoghq.com/dashboard-url': 'https://dd/d' }),
        'datadoghq.com/dashboard-url',
      ],
      [
        'newrelic.com/dashboard-guid',
        withAnnotations({ 'newrelic.com/dashboard-guid': 'NR-1' }),
        'newrelic.com/dashboard-guid',
      ],
    ],
    fail: [
      ['nothing', baseInput()],
      [
        'an icon only (a hint)',
        withLinks({ url: 'https://example.com/dashboard', icon: 'dashboard' }),
        /ignored: only its icon says a dashboard/,
      ],
      [
        'a Jira board with icon dashboard',
        withLinks({
          url: 'https://acme.atlassian.net/jira/software/projects/X/boards/1',
          title: 'JIRA Board',
          icon: 'dashboard',
        }),
        /link "JIRA Board" ignored: Jira is an issue tracker, not a dashboard/,
      ],
      [
        'a link titled Grafana to a Notion page',
        withLinks({ url: 'https://www.notion.so/acme/x', title: 'Grafana' }),
        /Notion is a wiki, not a dashboard/,
      ],
      [
        'a link titled Datadog to a typo domain',
        withLinks({
          url: 'https://app.datadoghg.com/dashboard/x',
          title: 'Datadog',
        }),
        /titled Datadog but its URL is not a Datadog address/,
      ],
      [
        'a placeholder GUID',
        withAnnotations({ 'newrelic.com/dashboard-guid': '<GUID>' }),
        /placeholder value: annotation newrelic.com\/dashboard-guid/,
      ],
    ],
    unknown: [
      [
        'entity facts unavailable',
        unavailable(baseInput(), 'entity'),
        /entity facts unavailable/i,
      ],
    ],
  },
  'monitoring.alerts': {
    pass: [
      [
        'pagerduty.com/service-id',
        withAnnotations({ 'pagerduty.com/service-id': 'P1' }),
        'pagerduty.com/service-id',
      ],
      [
        'pagerduty.com/integration-key',
        withAnnotations({ 'pagerduty.com/integration-key': 'k' }),
        'pagerduty.com/integration-key',
      ],
      [
        'opsgenie.com/component-selector',
        withAnnotations({ 'opsgenie.com/component-selector': 'tag:x' }),
        'opsgenie.com/component-selector',
      ],
      [
        'opsgenie.com/team',
        withAnnotations({ 'opsgenie.com/team': 'x' }),
        'opsgenie.com/team',
      ],
      [
        'splunk.com/on-call-team',
        withAnnotations({ 'splunk.com/on-call-team': 'payments' }),
        'splunk.com/on-call-team',
      ],
      [
        'an oncall link',
        withLinks({ url: 'https://pd/x', type: 'oncall' }),
        'alerts link',
      ],
      [
        'alert rules found live',
        withMetrics({ alertRules: ['HighErrorRate'] }),
        'alert rule',
      ],
      [
        'an annotation while metrics are unavailable',
        unavailable(
          withAnnotations({ 'pagerduty.com/service-id': 'P1' }),
          'metrics',
        ),
        'pagerduty.com/service-id',
      ],
    ],
    fail: [
      ['nothing', baseInput()],
      [
        'nothing, no metrics provider',
        unavailable(baseInput(), 'metrics', 'not-configured'),
      ],
    ],
    unknown: [
      [
        'metrics unavailable',
        unavailable(baseInput(), 'metrics'),
        /metrics facts unavailable/i,
      ],
    ],
  },
  'logging.error-tracking': {
    pass: [
      [
        'sentry.io/project-slug',
        withAnnotations({ 'sentry.io/project-slug': 'a/b' }),
        'sentry.io/project-slug',
      ],
      [
        'rollbar.com/project-slug',
        withAnnotations({ 'rollbar.com/project-slug': 'a/b' }),
        'rollbar.com/project-slug',
      ],
      [
        'bugsnag.com/project-key',
        withAnnotations({ 'bugsnag.com/project-key': 'k' }),
        'bugsnag.com/project-key',
      ],
      [
        'an errors link',
        withLinks({ url: 'https://sentry.io/a', title: 'Sentry' }),
        'errors link',
      ],
      [
        'sentry-sdk',
        withRepository({}, [{ ecosystem: 'pypi', name: 'sentry-sdk' }]),
        'sentry-sdk',
      ],
      [
        '@sentry/node',
        withRepository({}, [{ ecosystem: 'npm', name: '@sentry/node' }]),
        '@sentry/node',
      ],
      [
        'io.sentry',
        withRepository({}, [{ ecosystem: 'maven', name: 'io.sentry:sentry' }]),
        'io.sentry:sentry',
      ],
    ],
    fail: [['nothing', baseInput()]],
    unknown: [
      [
        'repository unavailable',
        unavailable(baseInput(), 'repository'),
        /repository facts unavailable/i,
      ],
    ],
  },
  'tracing.instrumented': {
    pass: [
      [
        'lightstep.com/services',
        withAnnotations({ 'lightstep.com/services': 'x' }),
        'lightstep.com/services',
      ],
      [
        'datadoghq.com/service-name',
        withAnnotations({ 'datadoghq.com/service-name': 'x' }),
        'datadoghq.com/service-name',
      ],
      [
        'a traces link',
        withLinks({ url: 'https://jaeger/x', type: 'traces' }),
        'traces link',
      ],
      [
        '@opentelemetry/sdk-node',
        withRepository({}, [
          { ecosystem: 'npm', name: '@opentelemetry/sdk-node' },
        ]),
        '@opentelemetry/sdk-node',
      ],
      [
        'opentelemetry-sdk',
        withRepository({}, [{ ecosystem: 'pypi', name: 'opentelemetry-sdk' }]),
        'opentelemetry-sdk',
      ],
      [
        'go.opentelemetry.io/otel',
        withRepository({}, [
          { ecosystem: 'go', name: 'go.opentelemetry.io/otel' },
        ]),
        'go.opentelemetry.io/otel',
      ],
      [
        'io.opentelemetry',
        withRepository({}, [
          { ecosystem: 'maven', name: 'io.opentelemetry:opentelemetry-api' },
        ]),
        'io.opentelemetry',
      ],
      [
        'dd-trace-go',
        withRepository({}, [
          { ecosystem: 'go', name: 'gopkg.in/DataDog/dd-trace-go.v1' },
        ]),
        'dd-trace-go',
      ],
    ],
    fail: [
      ['nothing', baseInput()],
      [
        'an unrelated dependency',
        withRepository({}, [{ ecosystem: 'npm', name: 'express' }]),
      ],
    ],
    unknown: [
      [
        'repository unavailable',
        unavailable(baseInput(), 'repository'),
        /repository facts unavailable/i,
      ],
    ],
  },
  'delivery.deploy': {
    pass: [
      [
        'argocd/app-name',
        withAnnotations({ 'argocd/app-name': 'x' }),
        'argocd/app-name',
      ],
      [
        'spinnaker.io/application-name',
        withAnnotations({ 'spinnaker.io/application-name': 'x' }),
        'spinnaker.io/application-name',
      ],
      [
        'backstage.io/kubernetes-id',
        withAnnotations({ 'backstage.io/kubernetes-id': 'x' }),
        'backstage.io/kubernetes-id',
      ],
      [
        'a deploy link',
        withLinks({ url: 'https://cd/x', type: 'deploy' }),
        'deploy link',
      ],
      [
        'a deploy workflow',
        withRepository({ deploy: ['.github/workflows/deploy.yml'] }),
        '.github/workflows/deploy.yml',
      ],
    ],
    fail: [['nothing', baseInput()]],
    unknown: [
      [
        'repository unavailable',
        unavailable(baseInput(), 'repository'),
        /repository facts unavailable/i,
      ],
    ],
  },
  'delivery.rollback': {
    pass: [
      [
        'a rollback link',
        withLinks({ url: 'https://wiki/x#rollback', type: 'rollback' }),
        'rollback link',
      ],
      [
        'a title only',
        withLinks({
          url: 'https://wiki/x#rollback',
          title: 'Rollback procedure',
        }),
        'rollback link',
      ],
      [
        'a rollback doc',
        withRepository({ rollback: ['docs/rollback.md'] }),
        'docs/rollback.md',
      ],
      [
        'a rollback step in a workflow',
        withRepository({ rollback: ['.github/workflows/deploy.yml'] }),
        '.github/workflows/deploy.yml',
      ],
      [
        'an annotation',
        withAnnotations({ 'prodready.io/rollback-url': 'https://wiki/x' }),
        'prodready.io/rollback-url',
      ],
    ],
    fail: [['nothing', baseInput()]],
    unknown: [
      [
        'repository unavailable',
        unavailable(baseInput(), 'repository'),
        /repository facts unavailable/i,
      ],
    ],
  },
  'monitoring.positive': {
    pass: [
      [
        'a synthetics link',
        withLinks({ url: 'https://syn/x', type: 'synthetics' }),
        'synthetics link',
      ],
      [
        'a probe link',
        withLinks({ url: 'https://probe/x', type: 'probe' }),
        'synthetics link',
      ],
      [
        'an slo link',
        withLinks({ url: 'https://slo/x', type: 'slo' }),
        'slo link',
      ],
      [
        'a probe series',
        withMetrics({ probes: ['probe_success{job="x"}'] }),
        'probe',
      ],
      [
        'an SLO series',
        withMetrics({ slos: ['slo:sli_error:ratio_rate5m'] }),
        'SLO series',
      ],
      [
        'an SLO definition',
        withRepository({ observability: ['slos/availability.yaml'] }),
        'slos/availability.yaml',
      ],
    ],
    fail: [
      ['nothing', baseInput()],
      [
        'alert rules only',
        withRepository({ observability: ['alerts/high-errors.rules.yaml'] }),
      ],
    ],
    unknown: [
      [
        'repository unavailable',
        unavailable(baseInput(), 'repository'),
        /repository facts unavailable/i,
      ],
      [
        'metrics unavailable',
        unavailable(baseInput(), 'metrics'),
        /metrics facts unavailable/i,
      ],
    ],
  },
  'monitoring.slo': {
    pass: [
      [
        'an slo link',
        withLinks({ url: 'https://slo/x', type: 'slo' }),
        'slo link',
      ],
      [
        'a title and a URL that names SLOs',
        withLinks({ url: 'https://x/slos/payments', title: 'Error budget' }),
        'slo link',
      ],
      [
        'an annotation',
        withAnnotations({ 'nobl9.com/project': 'x' }),
        'nobl9.com/project',
      ],
      ['an SLO series', withMetrics({ slos: ['slo:x'] }), 'SLO series'],
      [
        'an OpenSLO file',
        withRepository({ observability: ['openslo/api.yaml'] }),
        'openslo/api.yaml',
      ],
    ],
    fail: [
      ['nothing', baseInput()],
      [
        'a title only (a hint)',
        withLinks({ url: 'https://x/y', title: 'Error budget' }),
        /link "Error budget" ignored: only its title says an SLO/,
      ],
      [
        'a synthetics link only',
        withLinks({ url: 'https://syn/x', type: 'synthetics' }),
      ],
    ],
    unknown: [
      [
        'repository unavailable',
        unavailable(baseInput(), 'repository'),
        /repository facts unavailable/i,
      ],
    ],
  },
  'runbook.postmortems': {
    pass: [
      [
        'a postmortems link',
        withLinks({ url: 'https://wiki/pm', type: 'postmortems' }),
        'postmortems link',
      ],
      [
        'an incidents link',
        withLinks({ url: 'https://wiki/pm', type: 'incidents' }),
        'postmortems link',
      ],
      [
        'a title only',
        withLinks({ url: 'https://wiki/pm', title: 'Incident history' }),
        'postmortems link',
      ],
      [
        'postmortems in the repository',
        withRepository({ postmortem: ['docs/postmortems/2024-03.md'] }),
        'docs/postmortems/2024-03.md',
      ],
      [
        'rootly.com',
        withAnnotations({ 'rootly.com/service-id': 'x' }),
        'rootly.com/service-id',
      ],
    ],
    fail: [['nothing', baseInput()]],
    unknown: [
      [
        'repository unavailable',
        unavailable(baseInput(), 'repository'),
        /repository facts unavailable/i,
      ],
    ],
  },
};

for (const signal of ['latency', 'traffic', 'errors', 'saturation']) {
  CASES[`monitoring.${signal}`] = {
    pass: [
      [
        'live data',
        withMetrics({
          signals: { [signal]: { present: true, query: 'q', sample: '1' } },
        }),
        signal,
      ],
    ],
    fail: [
      ['no data', withMetrics({ signals: { [signal]: { present: false } } })],
      ['no signal at all', withMetrics({})],
    ],
    unknown: [
      [
        'no metrics provider',
        { ...baseInput(), metrics: { status: 'not-configured' } },
        /^metrics are not collected in this installation$/i,
      ],
      [
        'metrics not configured for the entity',
        unavailable(baseInput(), 'metrics', 'not-configured'),
        /^metrics facts not configured: provider timed out$/i,
      ],
      [
        'metrics unavailable',
        unavailable(baseInput(), 'metrics'),
        /metrics facts unavailable: provider timed out/i,
      ],
    ],
  };
}

describe('the default pack', () => {
  it('has a test case for every check, and every row of the design', () => {
    expect(Object.keys(CASES).sort()).toEqual(
      defaultChecks.map(check => check.id).sort(),
    );
    expect(defaultChecks.map(check => check.id).sort()).toEqual(
      [
        'ownership.owner-resolves',
        'ownership.contact',
        'ownership.system',
        'ownership.tier',
        'delivery.ci',
        'logging.logs',
        'runbook.runbook',
        'monitoring.dashboard',
        'monitoring.alerts',
        'logging.error-tracking',
        'tracing.instrumented',
        'delivery.deploy',
        'delivery.rollback',
        'monitoring.latency',
        'monitoring.traffic',
        'monitoring.errors',
        'monitoring.saturation',
        'monitoring.positive',
        'monitoring.slo',
        'runbook.postmortems',
      ].sort(),
    );
  });

  it.each(defaultChecks.map(check => [check.id, check] as const))(
    '%s has a category.name id, messages and remediation with a YAML example',
    (id, check) => {
      expect(id.startsWith(`${check.category}.`)).toBe(true);
      expect(check.messages.pass).not.toEqual(check.messages.fail);
      expect(check.remediation.markdown).toMatch(/```(yaml|promql)\n/);
      for (const link of check.remediation.links ?? []) {
        expect(link.url).toMatch(/^https:\/\//);
      }
    },
  );

  it('keeps the levels of the design', () => {
    const levelOf = Object.fromEntries(defaultChecks.map(c => [c.id, c.level]));
    expect(levelOf['ownership.owner-resolves']).toBe('bronze');
    expect(levelOf['delivery.ci']).toBe('bronze');
    expect(levelOf['monitoring.alerts']).toBe('silver');
    expect(levelOf['delivery.rollback']).toBe('silver');
    expect(levelOf['monitoring.latency']).toBe('gold');
    expect(levelOf['runbook.postmortems']).toBe('gold');
  });

  describe.each(Object.entries(CASES))('%s', (checkId, cases) => {
    const expectState = (input: TestFactsInput, state: CheckState) => {
      const result = resultOf(checkId, input);
      expect({ state: result.state, reason: result.reason }).toEqual({
        state,
        reason: expect.any(String),
      });
      return result;
    };

    // A check with `observe` is `claimed` when metrics are there and show
    // nothing (see observedChecks.test.ts): its pass cases are what the
    // catalog claims, without a metrics provider to contradict them.
    const observes =
      defaultChecks.find(c => c.id === checkId)?.observe !== undefined;
    const claimOnly = (input: TestFactsInput): TestFactsInput =>
      observes && JSON.stringify(input.metrics) === '{"signals":{}}'
        ? unavailable(input, 'metrics', 'not-configured')
        : input;

    it.each(cases.pass)('passes with %s', (_name, input, evidence) => {
      const result = expectState(claimOnly(input), 'pass');
      expect(result.evidence.map(e => e.label).join(' | ')).toContain(evidence);
    });

    // Rest parameters: rows without a reason must not look like `done`.
    it.each(cases.fail)('fails with %s', (...row) => {
      const [, input, reason] = row;
      const result = expectState(input, 'fail');
      expect(result.reason).toContain(
        defaultChecks.find(c => c.id === checkId)!.messages.fail,
      );
      expect(result.reason).toMatch(reason ?? /./);
      // An ignored link is shown as hint evidence with its reason.
      expect(
        result.evidence.some(
          e => e.strength === 'hint' && e.value?.startsWith('ignored: '),
        ),
      ).toBe(result.reason.includes('" ignored: '));
    });

    it.each(cases.unknown)('is unknown with %s', (_name, input, reason) => {
      const result = expectState(input, 'unknown');
      expect(result.reason).toMatch(reason);
      expect(result.evidence).toEqual([]);
    });
  });

  it('notes what was not checked on a failure without a namespace', () => {
    const result = resultOf(
      'delivery.ci',
      unavailable(baseInput(), 'repository', 'not-configured'),
    );
    expect(result.reason).toBe(
      'No CI annotation, CI link or CI file found (not checked: repository facts not configured: provider timed out)',
    );
  });
});

describe('what the default checks apply to', () => {
  const applicable = (entity: Entity) =>
    evaluate(baseInput(entity))
      .results.filter(r => r.state !== 'not-applicable')
      .map(r => r.checkId)
      .sort();
  const all = defaultChecks.map(c => c.id).sort();
  const ownership = [
    'ownership.contact',
    'ownership.owner-resolves',
    'ownership.system',
    'ownership.tier',
  ];

  it.each([
    ['a service', testComponent({ type: 'service' }), all],
    ['a website', testComponent({ type: 'website' }), all],
    ['a worker', testComponent({ type: 'worker' }), all],
    ['a component without a type', testComponent({ type: '' }), all],
    [
      'a library',
      testComponent({ type: 'library' }),
      [...ownership, 'delivery.ci'].sort(),
    ],
    [
      'an SDK',
      testComponent({ type: 'SDK' }),
      [...ownership, 'delivery.ci'].sort(),
    ],
    ['an API', testComponent({ kind: 'API', type: 'openapi' }), ownership],
    [
      'a server declared as a tool that provides an API',
      testComponent({ type: 'tool', spec: { providesApis: ['payments-v1'] } }),
      all,
    ],
    [
      'a tool with a Kubernetes id',
      testComponent({
        type: 'tool',
        annotations: { 'backstage.io/kubernetes-id': 'payments' },
      }),
      all,
    ],
    [
      'a library paged for by PagerDuty',
      testComponent({
        type: 'library',
        annotations: { 'pagerduty.com/service-id': 'P123' },
      }),
      all,
    ],
    [
      'a plain tool',
      testComponent({ type: 'tool' }),
      [...ownership, 'delivery.ci'].sort(),
    ],
    [
      'a resource',
      testComponent({ kind: 'Resource', type: 'database' }),
      ['ownership.contact', 'ownership.owner-resolves', 'ownership.system'],
    ],
    [
      'a system',
      testComponent({ kind: 'System' }),
      ['ownership.contact', 'ownership.owner-resolves'],
    ],
    ['a group', testComponent({ kind: 'Group', type: 'team' }), []],
  ])('%s', (_name, entity, expected) => {
    expect(applicable(entity)).toEqual(expected);
  });

  it('gives an API a score over its ownership checks but no level, saying why', () => {
    const card = evaluate(
      baseInput(testComponent({ kind: 'API', type: 'openapi' })),
    );
    expect(card.level).toBeUndefined();
    expect(card.nextLevel).toBeUndefined();
    expect(card.levelApplicable).toBe(false);
    expect(card.levelReason).toBe(
      'No operational check applies: only ownership checks are scored, so no level is given',
    );
  });

  it('gives a group no level and no score', () => {
    const card = evaluate(baseInput(testComponent({ kind: 'Group' })));
    expect(card.level).toBeUndefined();
    expect(card.nextLevel).toBeUndefined();
    expect(card.score).toBe(0);
    expect(card.categories).toEqual([]);
  });
});

describe('namespaces', () => {
  it('is unknown for checks that apply only when the entity is missing', () => {
    const input = unavailable(baseInput(), 'entity');
    const card = evaluate(input);
    expect(card.results.every(r => r.state === 'unknown')).toBe(true);
    const ns: FactNamespace<unknown> | undefined =
      createTestFacts(input).namespaces.entity;
    expect(ns?.status).toBe('unavailable');
  });
});

describe('placeholders and invalid references are not values', () => {
  const tiered = (spec: Record<string, unknown>) =>
    withEntity({ annotations: { 'prodready.io/tier': '1' }, spec });

  it.each(['-', 'undefined', 'null', 'TODO', 'TBD', 'n/a', 'unknown'])(
    'fails ownership.tier on lifecycle %j, saying so',
    lifecycle => {
      const result = resultOf('ownership.tier', tiered({ lifecycle }));
      expect(result.state).toBe('fail');
      expect(result.reason).toContain(
        `placeholder value: field spec.lifecycle is "${lifecycle}"`,
      );
    },
  );

  it.each(['{{ values.lifecycle }}', '${LIFECYCLE}', 'changeme'])(
    'fails ownership.tier on the unrendered or placeholder lifecycle %j',
    lifecycle => {
      expect(resultOf('ownership.tier', tiered({ lifecycle })).state).toBe(
        'fail',
      );
    },
  );

  it('still passes ownership.tier on a real lifecycle', () => {
    expect(
      resultOf('ownership.tier', tiered({ lifecycle: 'production' })).state,
    ).toBe('pass');
  });

  it.each([
    ['public website', 'is not an entity reference'],
    ['group:payments', 'names a group, not a system'],
    ['TBD', undefined],
  ])('fails ownership.system on system %j', (system, problem) => {
    const result = resultOf(
      'ownership.system',
      withEntity({ spec: { system } }),
    );
    expect(result.state).toBe('fail');
    expect(result.reason).toContain(
      problem
        ? `invalid reference: field spec.system "${system}" ${problem}`
        : `placeholder value: field spec.system is "${system}"`,
    );
  });

  it.each(['payments', 'system:payments', 'system:default/payments'])(
    'passes ownership.system on the reference %j',
    system => {
      expect(
        resultOf('ownership.system', withEntity({ spec: { system } })).state,
      ).toBe('pass');
    },
  );

  it('does not count an annotation whose value is a placeholder', () => {
    const result = resultOf(
      'monitoring.alerts',
      withAnnotations({ 'pagerduty.com/service-id': 'TODO' }),
    );
    expect(result.state).toBe('fail');
    expect(result.reason).toContain(
      'placeholder value: annotation pagerduty.com/service-id is "TODO"',
    );
  });
});
