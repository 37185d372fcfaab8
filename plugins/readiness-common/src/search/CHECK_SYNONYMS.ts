/**
 * The words people use for what a default check looks for, beyond its
 * title: "playbook" for a runbook, "revert" for rollback, "pager" for
 * alerts that reach on-call. The search collator indexes them with each
 * failing check, and the gap search reads them in its free text (see
 * {@link checksNamedIn}), so that both understand the same words.
 *
 * A word belongs to the check people mean by it alone: "on-call" means
 * alerting, not the runbook an on-call engineer reads.
 *
 * @public
 */
export const CHECK_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  'ownership.owner-resolves': ['owner', 'ownership', 'unowned', 'orphaned'],
  'ownership.contact': ['contact', 'email', 'chat', 'slack channel'],
  'ownership.system': ['system', 'domain'],
  'ownership.tier': ['tier', 'lifecycle', 'criticality'],
  'delivery.ci': ['ci', 'continuous integration', 'build pipeline'],
  'logging.logs': ['logs', 'logging', 'log search'],
  'runbook.runbook': ['runbook', 'playbook', 'operations manual'],
  'monitoring.dashboard': ['dashboard', 'grafana'],
  'monitoring.alerts': [
    'alerts',
    'alerting',
    'on-call',
    'oncall',
    'pager',
    'pagerduty',
    'opsgenie',
  ],
  'logging.error-tracking': [
    'error tracking',
    'exceptions',
    'stack traces',
    'sentry',
  ],
  'tracing.instrumented': [
    'tracing',
    'traces',
    'opentelemetry',
    'otel',
    'distributed tracing',
  ],
  'delivery.deploy': ['deployment', 'continuous delivery', 'cd'],
  'delivery.rollback': ['rollback', 'roll back', 'revert'],
  'monitoring.latency': ['latency', 'response time'],
  'monitoring.traffic': ['traffic', 'throughput', 'request rate'],
  'monitoring.errors': ['error rate'],
  'monitoring.saturation': ['saturation', 'capacity'],
  'monitoring.positive': [
    'positive monitoring',
    'synthetics',
    'synthetic probe',
    'uptime check',
  ],
  'monitoring.slo': ['slo', 'service level objective', 'error budget'],
  'runbook.postmortems': [
    'postmortems',
    'post-mortems',
    'incident history',
    'incident reviews',
  ],
};
