/*
 * The annotations, dependencies and file patterns the default checks
 * recognise. Patterns may hold wildcards (see the package README).
 */

/**
 * Annotations of CI systems, as their Backstage plugins read them
 * (community plugins and Roadie's): Jenkins, CircleCI, Buildkite (Roadie's
 * plugin reads `project-slug`, the community one `pipeline-slug`), Travis
 * CI, GoCD, Azure Pipelines, Cloud Build, Harness, Tekton. Repository
 * pointers are not among them (see {@link REPOSITORY_POINTER_ANNOTATIONS}).
 *
 * @public
 */
export const CI_ANNOTATIONS: readonly string[] = [
  'jenkins.io/job-full-name',
  'jenkins.io/github-folder',
  'circleci.com/project-slug',
  'buildkite.com/pipeline-slug',
  'buildkite.com/project-slug',
  'travis-ci.com/repo-slug',
  'gocd.org/pipelines',
  'dev.azure.com/build-definition',
  'google.com/cloudbuild-project-slug',
  'google.com/cloudbuild-repo-name',
  'google.com/cloudbuild-trigger-name',
  'harness.io/pipelines',
  'harness.io/project-url',
  'harness.io/ci-pipelineIds',
  'tekton.dev/cicd',
];

/**
 * Annotations that say where the code lives (GitHub, GitLab, Azure Repos):
 * not that anything builds or tests it. With repository facts a CI file
 * decides `delivery.ci`; without them such a pointer alone leaves it
 * `unknown`.
 *
 * @public
 */
export const REPOSITORY_POINTER_ANNOTATIONS: readonly string[] = [
  'github.com/project-slug',
  'gitlab.com/project-slug',
  'gitlab.com/project-id',
  'dev.azure.com/project-repo',
  'backstage.io/source-location',
];

/**
 * Annotations that point at centralised logs.
 *
 * @public
 */
export const LOGS_ANNOTATIONS: readonly string[] = [
  'prodready.io/logs-url',
  '*/logs-url',
  '*/logs-query',
  '*/log-query',
  'sumologic.com/*',
  'logz.io/*',
  'papertrailapp.com/*',
];

/**
 * Annotations that point at a runbook.
 *
 * @public
 */
export const RUNBOOK_ANNOTATIONS: readonly string[] = [
  'prodready.io/runbook-url',
  '*/runbook-url',
  '*/runbook',
];

/**
 * Annotations of dashboards (Grafana, Datadog, New Relic, the Prometheus
 * plugin's graph rules: `prometheus.io/rule` is a query the plugin graphs,
 * not an alert).
 *
 * @public
 */
export const DASHBOARD_ANNOTATIONS: readonly string[] = [
  'grafana/dashboard-selector',
  'grafana/overview-dashboard',
  'grafana/*dashboard*',
  'datadoghq.com/dashboard-url',
  'datadoghq.com/graph-token',
  'newrelic.com/dashboard-guid',
  'newrelic.com/*dashboard*',
  'prometheus.io/rule',
  '*/dashboard-url',
];

/**
 * Annotations that route alerts to on-call (PagerDuty, Opsgenie, Splunk
 * On-Call by team or routing key, iLert) or select alert rules (the
 * Prometheus plugin's `prometheus.io/alert`, Grafana alert selectors,
 * Dynatrace problems). `prometheus.io/rule` is not among them: the
 * Prometheus plugin graphs it (it counts as a dashboard).
 *
 * @public
 */
export const ALERTS_ANNOTATIONS: readonly string[] = [
  'pagerduty.com/service-id',
  'pagerduty.com/integration-key',
  'pagerduty.com/*',
  'opsgenie.com/component-selector',
  'opsgenie.com/team',
  'opsgenie.com/*',
  'prometheus.io/alert',
  'grafana/alert-label-selector',
  'grafana/tag-selector',
  'splunk.com/on-call-routing-key',
  'splunk.com/on-call-team',
  'dynatrace.com/dynatrace-entity-id',
  'victorops.com/*',
  'ilert.com/*',
];

/**
 * Annotations of error trackers (Sentry, Rollbar, Bugsnag, Airbrake,
 * Raygun, Honeybadger).
 *
 * @public
 */
export const ERROR_TRACKING_ANNOTATIONS: readonly string[] = [
  'sentry.io/project-slug',
  'sentry.io/*',
  'rollbar.com/project-slug',
  'rollbar.com/*',
  'bugsnag.com/project-key',
  'bugsnag.com/*',
  'airbrake.io/*',
  'raygun.com/*',
  'honeybadger.io/*',
];

/**
 * SDKs of error trackers, by dependency name (npm, Go, PyPI, Maven).
 *
 * @public
 */
export const ERROR_TRACKING_DEPENDENCIES: readonly string[] = [
  '@sentry/*',
  'sentry-sdk',
  'raven',
  'raven-js',
  'io.sentry*',
  'github.com/getsentry/sentry-go*',
  'rollbar',
  'pyrollbar',
  'com.rollbar*',
  'github.com/rollbar/*',
  '@bugsnag/*',
  'bugsnag',
  'com.bugsnag*',
  'github.com/bugsnag/*',
  '@airbrake/*',
  'pybrake',
  'io.airbrake*',
  'github.com/airbrake/*',
  '@honeybadger-io/*',
  'honeybadger',
  'github.com/honeybadger-io/*',
];

/**
 * Annotations of tracing/APM backends (Lightstep, Datadog APM, Honeycomb,
 * Jaeger).
 *
 * @public
 */
export const TRACING_ANNOTATIONS: readonly string[] = [
  'lightstep.com/services',
  'lightstep.com/*',
  'datadoghq.com/service-name',
  'honeycomb.io/*',
  'jaegertracing.io/*',
  'opentelemetry.io/*',
];

/**
 * Tracing SDKs and agents, by dependency name (OpenTelemetry, Datadog,
 * Jaeger, Zipkin, Elastic APM, New Relic, X-Ray, Sleuth/Micrometer Tracing).
 *
 * @public
 */
export const TRACING_DEPENDENCIES: readonly string[] = [
  '@opentelemetry/*',
  'opentelemetry-*',
  'go.opentelemetry.io/*',
  'io.opentelemetry*',
  'dd-trace',
  'ddtrace',
  'gopkg.in/DataDog/dd-trace-go*',
  'github.com/DataDog/dd-trace-go*',
  'com.datadoghq:dd-trace*',
  'jaeger-client',
  'github.com/uber/jaeger-client-go',
  'io.jaegertracing*',
  'zipkin',
  'py-zipkin',
  'github.com/openzipkin/*',
  'io.zipkin*',
  'elastic-apm-node',
  'elastic-apm',
  'go.elastic.co/apm*',
  'co.elastic.apm*',
  'newrelic',
  'github.com/newrelic/go-agent*',
  'com.newrelic.agent*',
  'aws-xray-sdk*',
  'github.com/aws/aws-xray-sdk-go',
  'com.amazonaws:aws-xray-recorder*',
  'io.micrometer:micrometer-tracing*',
  'org.springframework.cloud:spring-cloud-starter-sleuth',
  '@google-cloud/trace-agent',
  '@honeycombio/*',
];

/**
 * Annotations of deployment automation (Argo CD, Spinnaker, the Kubernetes
 * plugin, Harness, Octopus Deploy).
 *
 * @public
 */
export const DEPLOY_ANNOTATIONS: readonly string[] = [
  'argocd/app-name',
  'argocd/app-selector',
  'argocd/project-name',
  'argocd/*',
  'spinnaker.io/application-name',
  'spinnaker.io/*',
  'backstage.io/kubernetes-id',
  'backstage.io/kubernetes-label-selector',
  'harness.io/*',
  'octopus.com/project-id',
];

/**
 * Annotations that point at a rollback procedure.
 *
 * @public
 */
export const ROLLBACK_ANNOTATIONS: readonly string[] = [
  'prodready.io/rollback-url',
  '*/rollback-url',
];

/**
 * Annotations of SLO tooling.
 *
 * @public
 */
export const SLO_ANNOTATIONS: readonly string[] = [
  'prodready.io/slo-url',
  '*/slo',
  '*/slos',
  '*/slo-*',
  'nobl9.com/*',
];

/**
 * Annotations of synthetic monitoring and probes.
 *
 * @public
 */
export const PROBE_ANNOTATIONS: readonly string[] = [
  'prodready.io/probe-url',
  '*/synthetic*',
  '*/probe*',
  'checklyhq.com/*',
  'dynatrace.com/synthetics-ids',
  'pingdom.com/*',
  'uptimerobot.com/*',
];

/**
 * Repository paths of SLO definitions (OpenSLO, Sloth, Pyrra, `slo.yaml`).
 *
 * @public
 */
export const SLO_FILES: readonly string[] = [
  '**/slo.*',
  '**/slos.*',
  '**/slo-*',
  '**/slo_*',
  '**/*-slo.*',
  '**/*-slos.*',
  '**/*.slo.*',
  '**/slos/**',
  '**/openslo/**',
  '**/sloth/**',
  '**/pyrra/**',
];

/**
 * Annotations of incident-management tools that keep incident history
 * (FireHydrant, Rootly, incident.io).
 *
 * @public
 */
export const POSTMORTEM_ANNOTATIONS: readonly string[] = [
  'prodready.io/postmortems-url',
  '*/postmortems-url',
  'firehydrant.com/*',
  'rootly.com/*',
  'incident.io/*',
];
