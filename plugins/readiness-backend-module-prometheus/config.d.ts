import { HumanDuration } from '@backstage/types';

export interface Config {
  readiness?: {
    /**
     * Live golden-signal evidence from Prometheus (module
     * `@prodready/plugin-readiness-backend-module-prometheus`). Without
     * `baseUrl` the module adds no provider and the golden-signal checks stay
     * `unknown`.
     */
    prometheus?: {
      /**
       * Base URL of the Prometheus HTTP API, without `/api/v1`, e.g.
       * `http://prometheus.monitoring:9090` or `https://host/prometheus`.
       * Any Prometheus-compatible API works (Thanos, Mimir, VictoriaMetrics).
       */
      baseUrl?: string;
      /**
       * Extra headers sent with every request, e.g. `Authorization`.
       * @default {}
       * @visibility secret
       */
      headers?: { [name: string]: string };
      /**
       * Time budget of one HTTP request: milliseconds, a duration string
       * ('5s', 'PT5S') or an object ({ seconds: 5 }). Default 5 seconds.
       * @default { seconds: 5 }
       */
      timeout?: number | string | HumanDuration;
      /**
       * How long the values of the service label and the alert rules are
       * reused between entities. Default 60 seconds.
       * @default { seconds: 60 }
       */
      cacheTtl?: number | string | HumanDuration;
      /**
       * The label that identifies a service in your series. Its value for an
       * entity is the annotation `prometheus.io/service-name`, else
       * `backstage.io/kubernetes-id`, else the entity name. Default `service`.
       * @default service
       */
      serviceLabel?: string;
      /**
       * Most requests in flight to Prometheus at once. Default 8.
       * @default 8
       */
      maxConcurrentQueries?: number;
      /**
       * Read alerting rules from `/api/v1/rules` and list those whose labels
       * or expression select the service. Default true.
       * @default true
       */
      alertRules?: boolean;
      /**
       * PromQL templates, replacing the defaults of a key when set. Each key
       * takes one query or a list tried in order (for a golden signal the
       * first that returns data is the evidence; for probes and SLOs every
       * series found is listed). Placeholders: `$service` (the label value,
       * escaped), `$label` (the service label name) and `$selector` (short for
       * `$label="$service"`).
       */
      queries?: {
        /**
         * p95 of `http_server_request_duration_seconds` and common fallbacks.
         * @default DEFAULT_PROMETHEUS_QUERIES.latency (src/defaultQueries.ts)
         */
        latency?: string | string[];
        /**
         * Request rate of `http_server_request_duration_seconds_count`, `http_requests_total`, …
         * @default DEFAULT_PROMETHEUS_QUERIES.traffic (src/defaultQueries.ts)
         */
        traffic?: string | string[];
        /**
         * 5xx ratio over request counters that carry a status label.
         * @default DEFAULT_PROMETHEUS_QUERIES.errors (src/defaultQueries.ts)
         */
        errors?: string | string[];
        /**
         * CPU of the process or container, resident memory, event-loop lag, JVM heap.
         * @default DEFAULT_PROMETHEUS_QUERIES.saturation (src/defaultQueries.ts)
         */
        saturation?: string | string[];
        /**
         * Probe results (blackbox exporter).
         * @default ['probe_success{$selector}']
         */
        probes?: string | string[];
        /**
         * Sloth recording rules (`slo:sli_error:ratio_rate5m`, `slo:objective:ratio`).
         * @default DEFAULT_PROMETHEUS_QUERIES.slos (src/defaultQueries.ts)
         */
        slos?: string | string[];
        /**
         * TLS certificate expiry series whose value is the expiry as a Unix
         * time. Default: `probe_ssl_earliest_cert_expiry{$selector}`
         * (blackbox exporter).
         */
        tls?: string | string[];
      };
    };
  };
}
