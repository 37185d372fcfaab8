/**
 * What the Prometheus provider looks for. Each entry is a list of PromQL
 * templates tried in order; for a golden signal the first that returns data
 * is the evidence, for probes and SLOs every series found is listed.
 *
 * Placeholders: `$service` (the service's label value, escaped for a PromQL
 * string), `$label` (the service label name, `service` by default) and
 * `$selector` (short for `$label="$service"`).
 *
 * @public
 */
export interface PrometheusQueryTemplates {
  /** Series of request duration, e.g. histogram buckets. */
  latency: string[];
  /** Series of request rate. */
  traffic: string[];
  /** Series of failed requests. */
  errors: string[];
  /** Series of resource use: CPU, memory, queue depth. */
  saturation: string[];
  /** Series of positive monitoring, e.g. blackbox `probe_success`. */
  probes: string[];
  /** Series of SLO tooling, e.g. Sloth or Pyrra recording rules. */
  slos: string[];
  /** TLS certificate expiry series (value: the expiry as a Unix time). */
  tls: string[];
}

/**
 * The golden signals, in the order they are reported.
 *
 * @public
 */
export const GOLDEN_SIGNALS = [
  'latency',
  'traffic',
  'errors',
  'saturation',
] as const;

/**
 * A golden signal.
 *
 * @public
 */
export type GoldenSignal = (typeof GOLDEN_SIGNALS)[number];

/**
 * Error ratio over a request counter that carries a status label: a value
 * (0 when nothing failed) whenever requests are counted with a status, so a
 * healthy service still proves its errors are observed.
 */
function errorRatio(counter: string, statusLabel: string, failing: string) {
  return (
    `(sum(rate(${counter}{$selector,${statusLabel}=~"${failing}"}[5m])) ` +
    `or 0 * sum(rate(${counter}{$selector,${statusLabel}=~".+"}[5m]))) ` +
    `/ sum(rate(${counter}{$selector}[5m]))`
  );
}

/**
 * The default templates, for the metric names of OpenTelemetry semantic
 * conventions first, then the Prometheus client libraries, Micrometer
 * (Spring) and gRPC interceptors.
 *
 * @public
 */
export const DEFAULT_PROMETHEUS_QUERIES: PrometheusQueryTemplates = {
  latency: [
    'histogram_quantile(0.95, sum by (le) (rate(http_server_request_duration_seconds_bucket{$selector}[5m])))',
    'histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket{$selector}[5m])))',
    'histogram_quantile(0.95, sum by (le) (rate(http_server_requests_seconds_bucket{$selector}[5m])))',
    'histogram_quantile(0.95, sum by (le) (rate(http_server_duration_milliseconds_bucket{$selector}[5m])))',
    'histogram_quantile(0.95, sum by (le) (rate(grpc_server_handling_seconds_bucket{$selector}[5m])))',
  ],
  traffic: [
    'sum(rate(http_server_request_duration_seconds_count{$selector}[5m]))',
    'sum(rate(http_requests_total{$selector}[5m]))',
    'sum(rate(http_server_requests_seconds_count{$selector}[5m]))',
    'sum(rate(grpc_server_handled_total{$selector}[5m]))',
  ],
  errors: [
    errorRatio(
      'http_server_request_duration_seconds_count',
      'http_response_status_code',
      '5..',
    ),
    errorRatio('http_requests_total', 'status', '5..'),
    errorRatio('http_requests_total', 'code', '5..'),
    errorRatio('http_server_requests_seconds_count', 'status', '5..'),
    errorRatio(
      'grpc_server_handled_total',
      'grpc_code',
      'Unknown|Internal|Unavailable|DataLoss|DeadlineExceeded',
    ),
  ],
  saturation: [
    'max(rate(process_cpu_seconds_total{$selector}[5m]))',
    'max(rate(container_cpu_usage_seconds_total{$selector}[5m]))',
    'max(process_resident_memory_bytes{$selector})',
    'max(nodejs_eventloop_lag_seconds{$selector})',
    'max(jvm_memory_used_bytes{$selector,area="heap"})',
  ],
  probes: ['probe_success{$selector}'],
  slos: [
    'slo:sli_error:ratio_rate5m{sloth_service="$service"}',
    'slo:objective:ratio{sloth_service="$service"}',
    'slo:sli_error:ratio_rate5m{$selector}',
  ],
  tls: ['probe_ssl_earliest_cert_expiry{$selector}'],
};
