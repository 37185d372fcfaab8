/*
 * The table of tools the `link` rule knows by URL: data, kept apart from
 * the lookup in linkHosts.ts.
 */

/**
 * A tool recognised from a link's URL: its host (a SaaS domain, or the
 * first label of a self-hosted host such as `grafana.example.com`) and,
 * where the tool serves several purposes, the shape of the path.
 *
 * @public
 */
export interface LinkHostDefinition {
  /** The tool's name, shown in reasons, e.g. `Grafana`. */
  tool: string;
  /** What the tool is, shown when a link is ignored, e.g. `an issue tracker`. */
  what: string;
  /** Domains of the tool: the host is one of them or a subdomain of one. */
  domains: readonly string[];
  /** First host labels of self-hosted instances, e.g. `grafana` for `grafana.acme.io`. */
  labels: readonly string[];
  /**
   * Path shapes, tried in order: the first whose `prefix` the lower-cased
   * path (with any `#` route) starts with, or contains when it begins with
   * `*`, gives the kinds (and, when given, the tool and what it is).
   */
  paths: ReadonlyArray<{
    prefix: string;
    kinds: readonly string[];
    tool?: string;
    what?: string;
  }>;
  /** Link kinds (see `LINK_KINDS`) the tool serves when no path shape matched. */
  kinds: readonly string[];
  /** Kinds a link to the tool counts for only when its `type` says so. */
  typedKinds?: readonly string[];
}

const DASHBOARD = ['dashboard'];
const WIKI = ['runbook', 'postmortems', 'rollback'];

/**
 * The tools the `link` rule knows by URL. A link recognised only by its
 * title or icon counts for a kind when its URL is one of these tools
 * serving that kind (Grafana `/d/` for a dashboard, PagerDuty for alerts);
 * a link whose URL is a tool that does not serve the kind (Jira, Notion,
 * a status page for a dashboard) is ignored, even when typed.
 *
 * @public
 */
export const LINK_HOSTS: readonly LinkHostDefinition[] = [
  {
    tool: 'Grafana',
    what: 'a dashboard tool',
    domains: ['grafana.net'],
    labels: ['grafana'],
    paths: [
      { prefix: '/d/', kinds: DASHBOARD },
      { prefix: '/d-solo/', kinds: DASHBOARD },
      { prefix: '/dashboards', kinds: DASHBOARD },
      { prefix: '/alerting', kinds: ['alerts'] },
      { prefix: '/explore', kinds: ['logs', 'traces'] },
      { prefix: '/a/grafana-slo-app', kinds: ['slo'] },
    ],
    kinds: DASHBOARD,
  },
  {
    tool: 'Datadog',
    what: 'a monitoring service',
    domains: ['datadoghq.com', 'datadoghq.eu', 'ddog-gov.com'],
    labels: [],
    paths: [
      { prefix: '/dashboard/', kinds: DASHBOARD },
      { prefix: '/screen/', kinds: DASHBOARD },
      { prefix: '/s/', kinds: DASHBOARD },
      { prefix: '/logs', kinds: ['logs'] },
      { prefix: '/apm', kinds: ['traces', 'dashboard'] },
      { prefix: '/monitors', kinds: ['alerts'] },
      { prefix: '/slo', kinds: ['slo'] },
      { prefix: '/synthetics', kinds: ['synthetics'] },
    ],
    kinds: ['dashboard', 'logs', 'traces', 'alerts', 'slo', 'synthetics'],
  },
  {
    tool: 'Kibana',
    what: 'a log search and dashboard tool',
    domains: ['cloud.es.io', 'elastic-cloud.com'],
    labels: ['kibana'],
    paths: [
      { prefix: '*/app/dashboards', kinds: DASHBOARD },
      { prefix: '*/app/apm', kinds: ['traces'] },
      { prefix: '*/app/uptime', kinds: ['synthetics'] },
    ],
    kinds: ['logs'],
  },
  {
    tool: 'New Relic',
    what: 'a monitoring service',
    domains: ['newrelic.com'],
    labels: [],
    paths: [{ prefix: '/dashboards', kinds: DASHBOARD }],
    kinds: ['dashboard', 'traces', 'logs', 'alerts', 'errors'],
  },
  {
    tool: 'Dynatrace',
    what: 'a monitoring service',
    domains: ['dynatrace.com', 'live.dynatrace.com'],
    labels: ['dynatrace'],
    paths: [],
    kinds: ['dashboard', 'traces', 'logs', 'alerts'],
  },
  {
    tool: 'Splunk',
    what: 'a log search tool',
    domains: ['splunkcloud.com'],
    labels: ['splunk'],
    paths: [{ prefix: '*/dashboards', kinds: ['dashboard', 'logs'] }],
    kinds: ['logs', 'dashboard'],
  },
  {
    tool: 'Splunk On-Call',
    what: 'an on-call service',
    domains: ['victorops.com'],
    labels: [],
    paths: [],
    kinds: ['alerts'],
  },
  {
    tool: 'Honeycomb',
    what: 'a tracing service',
    domains: ['honeycomb.io'],
    labels: [],
    paths: [{ prefix: '*/board/', kinds: DASHBOARD }],
    kinds: ['traces', 'dashboard', 'slo'],
  },
  {
    tool: 'Lightstep',
    what: 'a tracing service',
    domains: ['lightstep.com'],
    labels: [],
    paths: [],
    kinds: ['traces', 'dashboard'],
  },
  {
    tool: 'Jaeger',
    what: 'a tracing tool',
    domains: [],
    labels: ['jaeger', 'zipkin', 'tempo'],
    paths: [],
    kinds: ['traces'],
  },
  {
    tool: 'Prometheus',
    what: 'a metrics server',
    domains: [],
    labels: ['prometheus'],
    paths: [{ prefix: '/alerts', kinds: ['alerts'] }],
    kinds: DASHBOARD,
  },
  {
    tool: 'Alertmanager',
    what: 'an alert router',
    domains: [],
    labels: ['alertmanager'],
    paths: [],
    kinds: ['alerts'],
  },
  {
    tool: 'Loki',
    what: 'a log store',
    domains: [],
    labels: ['loki', 'graylog'],
    paths: [],
    kinds: ['logs'],
  },
  {
    tool: 'Papertrail',
    what: 'a log service',
    domains: ['papertrailapp.com'],
    labels: [],
    paths: [],
    kinds: ['logs'],
  },
  {
    tool: 'Logz.io',
    what: 'a log service',
    domains: ['logz.io'],
    labels: [],
    paths: [],
    kinds: ['logs'],
  },
  {
    tool: 'Sumo Logic',
    what: 'a log service',
    domains: ['sumologic.com'],
    labels: [],
    paths: [],
    kinds: ['logs'],
  },
  {
    tool: 'Sentry',
    what: 'an error tracker',
    domains: ['sentry.io'],
    labels: ['sentry'],
    paths: [],
    kinds: ['errors'],
  },
  {
    tool: 'Rollbar',
    what: 'an error tracker',
    domains: ['rollbar.com'],
    labels: [],
    paths: [],
    kinds: ['errors'],
  },
  {
    tool: 'Bugsnag',
    what: 'an error tracker',
    domains: ['bugsnag.com'],
    labels: [],
    paths: [],
    kinds: ['errors'],
  },
  {
    tool: 'Airbrake',
    what: 'an error tracker',
    domains: ['airbrake.io'],
    labels: [],
    paths: [],
    kinds: ['errors'],
  },
  {
    tool: 'PagerDuty',
    what: 'an on-call service',
    domains: ['pagerduty.com'],
    labels: [],
    paths: [],
    kinds: ['alerts', 'postmortems'],
  },
  {
    tool: 'Opsgenie',
    what: 'an on-call service',
    domains: ['opsgenie.com'],
    labels: [],
    paths: [],
    kinds: ['alerts', 'postmortems'],
  },
  {
    tool: 'iLert',
    what: 'an on-call service',
    domains: ['ilert.com'],
    labels: [],
    paths: [],
    kinds: ['alerts'],
  },
  {
    tool: 'Nobl9',
    what: 'an SLO service',
    domains: ['nobl9.com'],
    labels: [],
    paths: [],
    kinds: ['slo'],
  },
  {
    tool: 'Pingdom',
    what: 'an uptime monitor',
    domains: ['pingdom.com'],
    labels: [],
    paths: [],
    kinds: ['synthetics'],
  },
  {
    tool: 'Checkly',
    what: 'an uptime monitor',
    domains: ['checklyhq.com'],
    labels: [],
    paths: [],
    kinds: ['synthetics'],
  },
  {
    tool: 'UptimeRobot',
    what: 'an uptime monitor',
    domains: ['uptimerobot.com'],
    labels: [],
    paths: [],
    kinds: ['synthetics'],
  },
  {
    tool: 'Status page',
    what: 'a public status page',
    domains: ['statuspage.io', 'status.io'],
    labels: ['status'],
    paths: [],
    kinds: [],
    typedKinds: ['synthetics'],
  },
  {
    tool: 'Jira',
    what: 'an issue tracker',
    domains: [],
    labels: ['jira'],
    paths: [],
    kinds: ['postmortems'],
  },
  {
    tool: 'Jira',
    what: 'an issue tracker',
    domains: ['atlassian.net'],
    labels: [],
    paths: [
      { prefix: '/wiki', kinds: WIKI, tool: 'Confluence', what: 'a wiki' },
      { prefix: '/browse/', kinds: ['postmortems'] },
      { prefix: '/jira/', kinds: ['postmortems'] },
    ],
    kinds: ['postmortems'],
  },
  {
    tool: 'Confluence',
    what: 'a wiki',
    domains: [],
    labels: ['confluence'],
    paths: [],
    kinds: WIKI,
  },
  {
    tool: 'Wiki',
    what: 'a wiki',
    domains: [],
    labels: ['wiki'],
    paths: [],
    kinds: WIKI,
  },
  {
    tool: 'Notion',
    what: 'a wiki',
    domains: ['notion.so', 'notion.site'],
    labels: [],
    paths: [],
    kinds: WIKI,
  },
  {
    tool: 'Google Docs',
    what: 'a document',
    domains: ['docs.google.com'],
    labels: [],
    paths: [],
    kinds: WIKI,
  },
  {
    tool: 'GitHub',
    what: 'a code host',
    domains: ['github.com', 'gitlab.com', 'bitbucket.org'],
    labels: ['github', 'gitlab'],
    paths: [
      { prefix: '*/actions', kinds: ['ci'] },
      { prefix: '*/-/pipelines', kinds: ['ci'] },
      { prefix: '*/issues', kinds: ['postmortems'] },
      { prefix: '*/releases', kinds: ['rollback', 'deploy'] },
    ],
    kinds: WIKI,
  },
  {
    tool: 'Buildkite',
    what: 'a CI service',
    domains: ['buildkite.com'],
    labels: [],
    paths: [],
    kinds: ['ci', 'deploy'],
  },
  {
    tool: 'CircleCI',
    what: 'a CI service',
    domains: ['circleci.com'],
    labels: [],
    paths: [],
    kinds: ['ci', 'deploy'],
  },
  {
    tool: 'Travis CI',
    what: 'a CI service',
    domains: ['travis-ci.com', 'travis-ci.org'],
    labels: [],
    paths: [],
    kinds: ['ci', 'deploy'],
  },
  {
    tool: 'Azure DevOps',
    what: 'a CI service',
    domains: ['dev.azure.com'],
    labels: [],
    paths: [],
    kinds: ['ci', 'deploy'],
  },
  {
    tool: 'Jenkins',
    what: 'a CI server',
    domains: [],
    labels: ['jenkins', 'ci', 'teamcity', 'drone'],
    paths: [],
    kinds: ['ci', 'deploy'],
  },
  {
    tool: 'Harness',
    what: 'a deployment service',
    domains: ['harness.io'],
    labels: [],
    paths: [],
    kinds: ['deploy', 'rollback', 'ci'],
  },
  {
    tool: 'Argo CD',
    what: 'a deployment tool',
    domains: [],
    labels: ['argocd', 'argo-cd', 'argo'],
    paths: [],
    kinds: ['deploy', 'rollback'],
  },
  {
    tool: 'Spinnaker',
    what: 'a deployment tool',
    domains: [],
    labels: ['spinnaker'],
    paths: [],
    kinds: ['deploy', 'rollback'],
  },
  {
    tool: 'Package registry',
    what: 'a package registry',
    domains: ['npmjs.com', 'pypi.org', 'mvnrepository.com', 'pkg.go.dev'],
    labels: [],
    paths: [],
    kinds: [],
  },
];
