import type { CheckDefinition } from '../types';
import type { ReadinessRule } from '../rules/ReadinessRule';
import {
  ALERTS_ANNOTATIONS,
  CI_ANNOTATIONS,
  DASHBOARD_ANNOTATIONS,
  DEPLOY_ANNOTATIONS,
  ERROR_TRACKING_ANNOTATIONS,
  ERROR_TRACKING_DEPENDENCIES,
  LOGS_ANNOTATIONS,
  POSTMORTEM_ANNOTATIONS,
  PROBE_ANNOTATIONS,
  REPOSITORY_POINTER_ANNOTATIONS,
  ROLLBACK_ANNOTATIONS,
  RUNBOOK_ANNOTATIONS,
  SLO_ANNOTATIONS,
  SLO_FILES,
  TRACING_ANNOTATIONS,
  TRACING_DEPENDENCIES,
} from './annotations';

/**
 * Component types that are not deployed and run (libraries, SDKs, docs,
 * templates, tools): the operational checks do not apply to them.
 *
 * @public
 */
export const NON_RUNTIME_COMPONENT_TYPES: readonly string[] = [
  'library',
  'sdk',
  'documentation',
  'docs',
  'template',
  'tool',
  'cli',
];

/**
 * Annotations that show a component runs, whatever its `spec.type` says:
 * it is deployed (Kubernetes, Argo CD, Spinnaker), paged for (PagerDuty,
 * Opsgenie) or reports exceptions (Sentry).
 *
 * @public
 */
export const RUNTIME_ANNOTATIONS: readonly string[] = [
  'backstage.io/kubernetes-id',
  'backstage.io/kubernetes-label-selector',
  'pagerduty.com/service-id',
  'pagerduty.com/integration-key',
  'opsgenie.com/component-selector',
  'sentry.io/project-slug',
  'argocd/app-name',
  'argocd/app-selector',
  'spinnaker.io/application-name',
];

/**
 * `appliesTo` of the operational checks: Components that run. A component
 * runs when its `spec.type` is not one of {@link NON_RUNTIME_COMPONENT_TYPES}
 * (services, websites, workers, jobs; no type counts as running), or,
 * whatever its type, when it shows it runs: it provides APIs
 * (`spec.providesApis`) or has one of the {@link RUNTIME_ANNOTATIONS}. So a
 * server declared `type: tool` gets the operational checks.
 *
 * @public
 */
export const RUNTIME_COMPONENTS = {
  $all: [
    { kind: 'component' },
    {
      $any: [
        { $not: { 'spec.type': { $in: [...NON_RUNTIME_COMPONENT_TYPES] } } },
        { 'spec.providesApis': { $exists: true } },
        ...RUNTIME_ANNOTATIONS.map(key => ({
          [`metadata.annotations.${key}`]: { $exists: true },
        })),
      ],
    },
  ],
};

const OWNED_KINDS = {
  kind: { $in: ['component', 'api', 'resource', 'system', 'domain'] },
};
const PLACED_KINDS = { kind: { $in: ['component', 'api', 'resource'] } };
const TIERED_KINDS = { kind: { $in: ['component', 'api'] } };
const ALL_COMPONENTS = { kind: 'component' };

const LINKS_DOC = {
  title: 'Backstage: entity links',
  url: 'https://backstage.io/docs/features/software-catalog/descriptor-format#links-optional',
};
const ANNOTATIONS_DOC = {
  title: 'Backstage: well-known annotations',
  url: 'https://backstage.io/docs/features/software-catalog/well-known-annotations',
};
const GOLDEN_SIGNALS_DOC = {
  title: 'Google SRE book: the four golden signals',
  url: 'https://sre.google/sre-book/monitoring-distributed-systems/#xref_monitoring_golden-signals',
};

const WEIGHTS: Record<string, number> = { bronze: 3, silver: 2, gold: 1 };

function check(
  definition: Omit<CheckDefinition, 'weight' | 'category' | 'rule'> & {
    rule: ReadinessRule;
  },
): CheckDefinition {
  return {
    ...definition,
    category: definition.id.split('.')[0],
    weight: WEIGHTS[definition.level] ?? 1,
  };
}

function list(patterns: readonly string[]): string {
  return patterns.map(p => `\`${p}\``).join(', ');
}

function goldenSignal(
  signal: 'latency' | 'traffic' | 'errors' | 'saturation',
  title: string,
  what: string,
  example: string,
): CheckDefinition {
  return check({
    id: `monitoring.${signal}`,
    title,
    description: `Live ${signal} data (${what}) is found for the service in the metrics backend.`,
    level: 'gold',
    appliesTo: RUNTIME_COMPONENTS,
    requires: ['metrics'],
    rule: { signal },
    messages: {
      pass: `Live ${signal} data found`,
      fail: `No live ${signal} data found for this service`,
    },
    remediation: {
      markdown: `Export **${signal}** metrics (${what}) labelled with the service's name, so the metrics provider finds them, e.g. in Prometheus:

\`\`\`promql
${example}
\`\`\`

This check needs a metrics provider: without one it is \`unknown\` (never \`fail\`). Install the Prometheus module (\`@prodready/plugin-readiness-backend-module-prometheus\`) in the backend and configure its queries.`,
      links: [GOLDEN_SIGNALS_DOC],
    },
  });
}

/**
 * The default check pack: the production Definition of Done. Twenty checks
 * in six categories over three levels (see the package README for the
 * table). Weights: bronze 3, silver 2, gold 1, so the basics weigh most.
 *
 * @public
 */
export const defaultChecks: CheckDefinition[] = [
  // ---------------------------------------------------------------- bronze
  check({
    id: 'ownership.owner-resolves',
    title: 'Owned by a team in the catalog',
    description:
      'spec.owner names a Group that exists in the catalog (not a person, not a typo, not a placeholder such as unspecified), and that is not a catch-all: an owner of an implausible share of the catalog (readiness.ownership) with no contact leaves it unknown.',
    level: 'bronze',
    appliesTo: OWNED_KINDS,
    requires: ['owner'],
    rule: { owner: { kind: 'group' } },
    messages: {
      pass: 'The owner is a team in the catalog',
      fail: 'The owner is not a Group in the catalog',
    },
    remediation: {
      markdown: `Set \`spec.owner\` to a **Group** that exists in the catalog (a team, not a person), and make sure that group is registered:

\`\`\`yaml
spec:
  owner: group:default/payments
\`\`\`

If the owner is missing, check the spelling and the namespace, and that the group's YAML is ingested (e.g. from your org data or \`catalog.locations\`).

What counts: the owner resolved to a Group of the catalog (declared evidence: the catalog's relation). A placeholder name (\`unspecified\`, \`unknown\`, \`unowned\`, \`TBD\`…) fails. A group that owns at least \`readiness.ownership.minOwnedEntities\` entities (default 20) and \`maxOwnerShare\` of the catalog (default 25 %) and lists no contact (no email, chat or on-call link, no member email) is not shown to be a team: the check is \`unknown\` with the share ("owns 91 of 120 catalog entities (76 %) and lists no contact") until the group gives a contact or the entities move to their real teams.`,
      links: [
        {
          title: 'Backstage: spec.owner',
          url: 'https://backstage.io/docs/features/software-catalog/descriptor-format#specowner-required',
        },
      ],
    },
  }),
  check({
    id: 'ownership.contact',
    title: 'Owning team can be contacted',
    description:
      'The owning group has an email, a chat channel or an on-call link, or members with an email.',
    level: 'bronze',
    appliesTo: OWNED_KINDS,
    requires: ['owner'],
    rule: { ownerContact: ['email', 'chat', 'oncall', 'member-email'] },
    messages: {
      pass: 'The owning team can be reached',
      fail: 'The owning team has no email, chat channel or member with an email',
    },
    remediation: {
      markdown: `Give the owning **Group** a way to be reached: \`spec.profile.email\`, or a chat/email link (link \`type\` \`chat\`, \`slack\` or \`email\`), or an on-call link; members with \`spec.profile.email\` also count.

\`\`\`yaml
apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: payments
  links:
    - url: https://chat.example.com/channels/payments
      title: "#payments"
      type: chat
spec:
  type: team
  profile:
    email: payments@example.com
  children: []
\`\`\``,
      links: [
        {
          title: 'Backstage: Group entities',
          url: 'https://backstage.io/docs/features/software-catalog/descriptor-format#kind-group',
        },
      ],
    },
  }),
  check({
    id: 'ownership.system',
    title: 'Part of a system',
    description: 'spec.system places the entity in a system (and so a domain).',
    level: 'bronze',
    appliesTo: PLACED_KINDS,
    requires: ['entity'],
    rule: { field: 'spec.system' },
    messages: {
      pass: 'Belongs to a system',
      fail: 'No spec.system: the entity is not placed in a system',
    },
    remediation: {
      markdown: `Set \`spec.system\` to the System it is part of (create the System, with its \`spec.domain\`, if needed):

\`\`\`yaml
spec:
  system: payments
\`\`\``,
      links: [
        {
          title: 'Backstage: System entities',
          url: 'https://backstage.io/docs/features/software-catalog/descriptor-format#kind-system',
        },
      ],
    },
  }),
  check({
    id: 'ownership.tier',
    title: 'Tier and lifecycle declared',
    description:
      'The business criticality (tier) is declared by annotation, label or tag, and spec.lifecycle is set.',
    level: 'bronze',
    appliesTo: TIERED_KINDS,
    requires: ['entity'],
    rule: { allOf: [{ tier: true }, { field: 'spec.lifecycle' }] },
    messages: {
      pass: 'Tier and lifecycle declared',
      fail: 'No tier (annotation, label or tier-N tag) or no spec.lifecycle',
    },
    remediation: {
      markdown: `Declare how critical the service is, with the annotation \`prodready.io/tier\` (or \`tier\`, \`service-tier\`, any \`<prefix>/tier\`), a \`tier\` label, or a tag \`tier-1\`/\`tier1\`/\`critical\`, and keep \`spec.lifecycle\` set. Values are normalised: \`1\`, \`tier1\`, \`Tier 1\` → \`tier-1\`; \`critical\` → \`tier-1\`, \`high\` → \`tier-2\`, \`medium\` → \`tier-3\`, \`low\` → \`tier-4\`.

\`\`\`yaml
metadata:
  annotations:
    prodready.io/tier: "1"
spec:
  lifecycle: production
\`\`\``,
    },
  }),
  check({
    id: 'delivery.ci',
    title: 'CI builds and tests it',
    description:
      'A CI system’s annotation (Jenkins, Buildkite, CircleCI, Travis, Azure Pipelines, Harness, Tekton…), a CI link, or a CI pipeline file in the source repository. A repository pointer (github.com/project-slug, gitlab.com/project-slug) alone does not count: without repository facts it leaves the check unknown.',
    level: 'bronze',
    appliesTo: ALL_COMPONENTS,
    requires: ['entity'],
    optional: ['repository'],
    rule: {
      anyOf: [
        { annotation: [...CI_ANNOTATIONS] },
        { link: 'ci' },
        { file: { kind: 'ci' } },
        {
          allOf: [
            { annotation: [...REPOSITORY_POINTER_ANNOTATIONS] },
            {
              needsFacts: 'repository',
              reason:
                'a repository pointer says where the code lives, not that CI builds it; a CI file in the repository would decide',
            },
          ],
        },
      ],
    },
    messages: {
      pass: 'CI is configured',
      fail: 'No CI annotation, CI link or CI file found',
    },
    remediation: {
      markdown: `Build and test every change in CI, and let the catalog know. Any of these satisfies the check:

- a CI file in the repository (what GitHub Actions and GitLab CI run): \`.github/workflows/*.yml\`, \`Jenkinsfile\`, \`.gitlab-ci.yml\`, \`.circleci/config.yml\`, \`.buildkite/pipeline.yml\`, \`azure-pipelines.yml\`, …; for a service in a subdirectory of a monorepo, a CI file at the repository root counts when its paths filter includes the service's directory, or it names that directory, or it runs for the whole repository (one whose paths filter leaves the directory out, or that names only another service, does not);
- a CI system's annotation: ${list(CI_ANNOTATIONS)};
- a link of \`type: ci\`.

A repository pointer (${list(
        REPOSITORY_POINTER_ANNOTATIONS,
      )}) says where the code lives, not that anything builds it: it does not pass the check. Without repository facts (no repository provider, or the CLI without the repository) such a pointer leaves the check \`unknown\`.

\`\`\`yaml
metadata:
  annotations:
    buildkite.com/pipeline-slug: acme/payments-api
\`\`\``,
      links: [ANNOTATIONS_DOC],
    },
  }),
  check({
    id: 'logging.logs',
    title: 'Logs are centralised and findable',
    description:
      'A logs link (or logs annotation) leads to the service’s logs.',
    level: 'bronze',
    appliesTo: RUNTIME_COMPONENTS,
    requires: ['entity'],
    rule: {
      anyOf: [{ link: 'logs' }, { annotation: [...LOGS_ANNOTATIONS] }],
    },
    messages: {
      pass: 'Logs are linked',
      fail: 'No logs link or annotation',
    },
    remediation: {
      markdown: `Ship logs to your central log platform and link a saved search filtered to this service. A link with \`type: logs\`, or titled "Logs"/"Kibana logs" **and** whose URL is a log tool (Kibana, Splunk, Datadog \`/logs\`, Loki…) or names logs (\`logs.acme.io\`, \`/logs/\`), satisfies the check (declared evidence); a title alone is a hint and does not. So does one of the annotations ${list(
        LOGS_ANNOTATIONS,
      )}.

\`\`\`yaml
metadata:
  links:
    - url: https://logs.example.com/app/discover#/?query=service:payments-api
      title: Logs
      type: logs
\`\`\``,
      links: [LINKS_DOC],
    },
  }),
  check({
    id: 'runbook.runbook',
    title: 'Runbook linked',
    description:
      'A runbook link or annotation, or a runbook document in the source repository.',
    level: 'bronze',
    appliesTo: RUNTIME_COMPONENTS,
    requires: ['entity'],
    optional: ['repository'],
    rule: {
      anyOf: [
        { link: 'runbook' },
        { annotation: [...RUNBOOK_ANNOTATIONS] },
        { file: { kind: 'runbook' } },
      ],
    },
    messages: {
      pass: 'A runbook is linked',
      fail: 'No runbook link, annotation or runbook document',
    },
    remediation: {
      markdown: `Write down what an operator does when this service misbehaves (how to check health, restart, scale, fail over, whom to escalate to) and link it. Any of these satisfies the check:

- a link with \`type: runbook\`, or titled "Runbook"/"Playbook" with a URL on a wiki or docs tool (Confluence, Notion, GitHub…) or naming runbooks (\`/runbooks/\`) (declared; a title alone, or a link without a URL, does not count);
- a \`RUNBOOK.md\`, \`docs/runbook.md\`, \`docs/runbooks/…\` or \`runbooks/…\` file in the repository;
- an annotation ${list(RUNBOOK_ANNOTATIONS)}.

\`\`\`yaml
metadata:
  links:
    - url: https://wiki.example.com/runbooks/payments-api
      title: Runbook
      type: runbook
\`\`\``,
      links: [LINKS_DOC],
    },
  }),
  // ---------------------------------------------------------------- silver
  check({
    id: 'monitoring.dashboard',
    title: 'Dashboard linked',
    description:
      'A dashboard link or a dashboard annotation (Grafana, Datadog, New Relic…).',
    level: 'silver',
    appliesTo: RUNTIME_COMPONENTS,
    requires: ['entity'],
    rule: {
      anyOf: [
        { link: 'dashboard' },
        { annotation: [...DASHBOARD_ANNOTATIONS] },
      ],
    },
    observe: { signal: ['latency', 'traffic', 'errors', 'saturation'] },
    messages: {
      pass: 'A dashboard is linked',
      fail: 'No dashboard link or annotation',
      claimed:
        'Claimed, not observed: a dashboard is linked, but the metrics provider finds no series of this service to show on it',
    },
    remediation: {
      markdown: `Build a dashboard of the service's golden signals and link it: a link with \`type: dashboard\`, or any link whose URL is a dashboard tool (Grafana \`/d/\`, Datadog \`/dashboard/\`, Kibana \`/app/dashboards\`, New Relic, Honeycomb boards…), or one of the annotations ${list(
        DASHBOARD_ANNOTATIONS,
      )} (declared evidence). A title or an icon \`dashboard\` alone is a hint and never passes; a link to Jira, Confluence, Notion or a status page is ignored with the reason ("link 'JIRA Board' ignored: Jira is an issue tracker, not a dashboard").

\`\`\`yaml
metadata:
  annotations:
    grafana/dashboard-selector: "tags @> 'payments-api'"
  links:
    - url: https://grafana.example.com/d/payments-api
      title: Service dashboard
      icon: dashboard
      type: dashboard
\`\`\``,
      links: [LINKS_DOC],
    },
  }),
  check({
    id: 'monitoring.alerts',
    title: 'Alerts reach on-call',
    description:
      'Alerts are routed to an on-call rotation (PagerDuty, Opsgenie…) or alert rules exist.',
    level: 'silver',
    appliesTo: RUNTIME_COMPONENTS,
    requires: ['entity'],
    optional: ['metrics'],
    rule: {
      anyOf: [
        { annotation: [...ALERTS_ANNOTATIONS] },
        { link: ['alerts', 'oncall'] },
        { metrics: 'alertRules' },
      ],
    },
    observe: {
      anyOf: [
        { metrics: 'alertRules' },
        { metrics: 'alertRunbooks' },
        // A metrics store without a ruler cannot tell: the claim stands.
        { fact: 'metrics.alertRules', exists: false },
      ],
    },
    messages: {
      pass: 'Alerts are routed to on-call',
      fail: 'No on-call routing or alert rules found',
      claimed:
        'Claimed, not observed: on-call is declared, but the metrics provider finds no alert rule for this service',
    },
    remediation: {
      markdown: `Route the service's alerts to an on-call rotation and record it in the catalog: one of the annotations ${list(
        ALERTS_ANNOTATIONS,
      )} (declared evidence; a placeholder value such as \`missing\`, \`none\`, \`TBD\` or \`true\` does not count), or a link with \`type: alerts\`/\`oncall\` or whose URL is an on-call or alerting tool (PagerDuty, Opsgenie, Splunk On-Call, Grafana \`/alerting\`, Datadog \`/monitors\`). A link merely titled "Alerts" is a hint and never passes. \`prometheus.io/rule\` is a graph for the Prometheus plugin, not alerting. Alert rules found by the metrics provider count as observed evidence.

\`\`\`yaml
metadata:
  annotations:
    pagerduty.com/service-id: P7Q2X1M
\`\`\``,
      links: [
        ANNOTATIONS_DOC,
        {
          title: 'Backstage PagerDuty plugin',
          url: 'https://github.com/PagerDuty/backstage-plugins',
        },
      ],
    },
  }),
  check({
    id: 'logging.error-tracking',
    title: 'Exceptions reach an error tracker',
    description:
      'Exceptions with stack traces are reported to an error tracker (annotation, link, or an SDK in the dependencies).',
    level: 'silver',
    appliesTo: RUNTIME_COMPONENTS,
    requires: ['entity'],
    optional: ['repository'],
    rule: {
      anyOf: [
        { annotation: [...ERROR_TRACKING_ANNOTATIONS] },
        { link: 'errors' },
        { dependency: [...ERROR_TRACKING_DEPENDENCIES] },
      ],
    },
    messages: {
      pass: 'Exceptions are tracked',
      fail: 'No error tracker annotation, link or SDK found',
    },
    remediation: {
      markdown: `Report unhandled exceptions, with stack traces, to an error tracker (Sentry, Rollbar, Bugsnag…). Any of these satisfies the check:

- an annotation: ${list(ERROR_TRACKING_ANNOTATIONS)};
- a link with \`type: errors\`;
- the tracker's SDK in the repository's dependencies, e.g. \`@sentry/node\`, \`sentry-sdk\`, \`io.sentry:sentry\`, \`github.com/getsentry/sentry-go\`.

\`\`\`yaml
metadata:
  annotations:
    sentry.io/project-slug: acme/payments-api
\`\`\``,
      links: [ANNOTATIONS_DOC],
    },
  }),
  check({
    id: 'tracing.instrumented',
    title: 'Instrumented for distributed tracing',
    description:
      'A tracing annotation or link, or an OpenTelemetry (or other tracing) SDK in the dependencies.',
    level: 'silver',
    appliesTo: RUNTIME_COMPONENTS,
    requires: ['entity'],
    optional: ['repository'],
    rule: {
      anyOf: [
        { annotation: [...TRACING_ANNOTATIONS] },
        { link: 'traces' },
        { dependency: [...TRACING_DEPENDENCIES] },
      ],
    },
    messages: {
      pass: 'Tracing is instrumented',
      fail: 'No tracing annotation, traces link or tracing SDK found',
    },
    remediation: {
      markdown: `Instrument the service with OpenTelemetry (or your APM's tracer) and export traces. Any of these satisfies the check:

- a tracing SDK in the dependencies: \`@opentelemetry/sdk-node\`, \`opentelemetry-sdk\`, \`go.opentelemetry.io/otel\`, \`io.opentelemetry:*\`, \`dd-trace\`, …;
- a link with \`type: traces\`;
- an annotation: ${list(TRACING_ANNOTATIONS)}.

\`\`\`yaml
metadata:
  links:
    - url: https://tracing.example.com/services/payments-api
      title: Traces
      type: traces
\`\`\``,
      links: [
        {
          title: 'OpenTelemetry: getting started',
          url: 'https://opentelemetry.io/docs/',
        },
      ],
    },
  }),
  check({
    id: 'delivery.deploy',
    title: 'Deployment is automated',
    description:
      'Argo CD, Spinnaker or Kubernetes annotations, a deploy link, or deployment automation in the repository.',
    level: 'silver',
    appliesTo: RUNTIME_COMPONENTS,
    requires: ['entity'],
    optional: ['repository'],
    rule: {
      anyOf: [
        { annotation: [...DEPLOY_ANNOTATIONS] },
        { link: 'deploy' },
        { file: { kind: 'deploy' } },
      ],
    },
    messages: {
      pass: 'Deployment is automated',
      fail: 'No deployment automation found',
    },
    remediation: {
      markdown: `Deploy through automation, not by hand, and let the catalog know. Any of these satisfies the check:

- an annotation: ${list(DEPLOY_ANNOTATIONS)};
- a link with \`type: deploy\`;
- deployment automation in the repository: a deploy workflow (\`.github/workflows/deploy.yml\`), a Helm chart, Kubernetes manifests, an Argo CD application, \`skaffold.yaml\`, \`serverless.yml\`, ….

\`\`\`yaml
metadata:
  annotations:
    argocd/app-name: payments-api
    backstage.io/kubernetes-id: payments-api
\`\`\``,
      links: [ANNOTATIONS_DOC],
    },
  }),
  check({
    id: 'delivery.rollback',
    title: 'Rollback is documented or automated',
    description:
      'A rollback link or annotation, a rollback document, or a rollback step in the deployment automation.',
    level: 'silver',
    appliesTo: RUNTIME_COMPONENTS,
    requires: ['entity'],
    optional: ['repository'],
    rule: {
      anyOf: [
        { link: 'rollback' },
        { annotation: [...ROLLBACK_ANNOTATIONS] },
        { file: { kind: 'rollback' } },
      ],
    },
    messages: {
      pass: 'Rollback is documented or automated',
      fail: 'No rollback procedure found',
    },
    remediation: {
      markdown: `Make sure a bad release can be reverted quickly, and write down how. Any of these satisfies the check:

- a link with \`type: rollback\` (or titled "Rollback procedure");
- a \`ROLLBACK.md\` or \`docs/rollback.md\` in the repository;
- a rollback workflow or step (e.g. \`.github/workflows/rollback.yml\`, \`argocd app rollback\` in a deploy workflow);
- an annotation ${list(ROLLBACK_ANNOTATIONS)}.

\`\`\`yaml
metadata:
  links:
    - url: https://wiki.example.com/runbooks/payments-api#rollback
      title: Rollback procedure
      type: rollback
\`\`\``,
      links: [LINKS_DOC],
    },
  }),
  // ------------------------------------------------------------------ gold
  goldenSignal(
    'latency',
    'Latency observed live',
    'request duration',
    'histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{service="payments-api"}[5m])))',
  ),
  goldenSignal(
    'traffic',
    'Traffic observed live',
    'request rate',
    'sum(rate(http_requests_total{service="payments-api"}[5m]))',
  ),
  goldenSignal(
    'errors',
    'Errors observed live',
    'failed request rate',
    'sum(rate(http_requests_total{service="payments-api",code=~"5.."}[5m]))',
  ),
  goldenSignal(
    'saturation',
    'Saturation observed live',
    'CPU, memory or queue utilisation',
    'max(rate(container_cpu_usage_seconds_total{container="payments-api"}[5m]))',
  ),
  check({
    id: 'monitoring.positive',
    title: 'Positive monitoring',
    description:
      'Something actively asserts the service works: a synthetic probe or an SLO.',
    level: 'gold',
    appliesTo: RUNTIME_COMPONENTS,
    requires: ['entity'],
    optional: ['repository', 'metrics'],
    rule: {
      anyOf: [
        { link: ['synthetics', 'slo'] },
        { annotation: [...PROBE_ANNOTATIONS, ...SLO_ANNOTATIONS] },
        { metrics: 'probes' },
        { metrics: 'slos' },
        { file: { kind: 'observability', path: [...SLO_FILES] } },
      ],
    },
    observe: {
      anyOf: [
        { metrics: 'probes' },
        { metrics: 'slos' },
        { metrics: 'burnRateAlerts' },
        { metrics: 'tlsProbes' },
      ],
    },
    messages: {
      pass: 'Positive monitoring is in place',
      fail: 'No synthetic probe or SLO found',
      claimed:
        'Claimed, not observed: a probe or SLO is declared, but the metrics provider finds no probe, SLO series or burn-rate alert for this service',
    },
    remediation: {
      markdown: `Besides "nothing looks broken", assert that the service **works**: a synthetic check or blackbox probe that exercises it from outside, or an SLO with burn-rate alerts. Any of these satisfies the check:

- a link with \`type: synthetics\`, \`probe\` or \`slo\`;
- an annotation: ${list([...PROBE_ANNOTATIONS, ...SLO_ANNOTATIONS])};
- probe or SLO series found by the metrics provider (e.g. \`probe_success\`);
- an SLO definition in the repository (OpenSLO, Sloth, Pyrra, \`slo.yaml\`).

\`\`\`yaml
metadata:
  links:
    - url: https://synthetics.example.com/checks/payments-api
      title: Synthetic checks
      type: synthetics
\`\`\``,
      links: [
        {
          title: 'Google SRE workbook: alerting on SLOs',
          url: 'https://sre.google/workbook/alerting-on-slos/',
        },
      ],
    },
  }),
  check({
    id: 'monitoring.slo',
    title: 'SLO defined',
    description:
      'The service has a service level objective: a link, an annotation, SLO series or an SLO definition.',
    level: 'gold',
    appliesTo: RUNTIME_COMPONENTS,
    requires: ['entity'],
    optional: ['repository', 'metrics'],
    rule: {
      anyOf: [
        { link: 'slo' },
        { annotation: [...SLO_ANNOTATIONS] },
        { metrics: 'slos' },
        { file: { kind: 'observability', path: [...SLO_FILES] } },
      ],
    },
    observe: { anyOf: [{ metrics: 'slos' }, { metrics: 'burnRateAlerts' }] },
    messages: {
      pass: 'An SLO is defined',
      fail: 'No SLO found',
      claimed:
        'Claimed, not observed: an SLO is declared, but the metrics provider finds no SLO series or burn-rate alert (Sloth, Pyrra, OpenSLO) for this service',
    },
    remediation: {
      markdown: `Agree on a service level objective (e.g. 99.9 % of requests succeed within 300 ms over 28 days) and publish it. Any of these satisfies the check:

- a link with \`type: slo\`;
- an annotation: ${list(SLO_ANNOTATIONS)};
- an SLO definition in the repository: ${list(SLO_FILES)};
- SLO series found by the metrics provider.

\`\`\`yaml
metadata:
  links:
    - url: https://slo.example.com/services/payments-api
      title: SLOs
      type: slo
\`\`\``,
      links: [
        { title: 'OpenSLO specification', url: 'https://openslo.com/' },
        {
          title: 'Google SRE book: service level objectives',
          url: 'https://sre.google/sre-book/service-level-objectives/',
        },
      ],
    },
  }),
  check({
    id: 'runbook.postmortems',
    title: 'Postmortems linked',
    description:
      'Incident history and postmortems are linked, or kept in the repository.',
    level: 'gold',
    appliesTo: RUNTIME_COMPONENTS,
    requires: ['entity'],
    optional: ['repository'],
    rule: {
      anyOf: [
        { link: 'postmortems' },
        { annotation: [...POSTMORTEM_ANNOTATIONS] },
        { file: { kind: 'postmortem' } },
      ],
    },
    messages: {
      pass: 'Postmortems are linked',
      fail: 'No postmortems or incident history found',
    },
    remediation: {
      markdown: `Link the service's incident history so that what was learnt is findable. Any of these satisfies the check:

- a link with \`type: postmortems\` (or \`incidents\`, or titled "Postmortems", "Incident history");
- postmortems in the repository: \`docs/postmortems/…\`, \`postmortems/…\`, \`incidents/…\`;
- an annotation: ${list(POSTMORTEM_ANNOTATIONS)}.

\`\`\`yaml
metadata:
  links:
    - url: https://wiki.example.com/postmortems?service=payments-api
      title: Postmortems
      type: postmortems
\`\`\``,
      links: [
        {
          title: 'Google SRE book: postmortem culture',
          url: 'https://sre.google/sre-book/postmortem-culture/',
        },
      ],
    },
  }),
];
