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
        /** Default: p95 of `http_server_request_duration_seconds` and common fallbacks. */
        latency?: string | string[];
        /** Default: request rate of `http_server_request_duration_seconds_count`, `http_requests_total`, … */
        traffic?: string | string[];
        /** Default: 5xx ratio over request counters that carry a status label. */
        errors?: string | string[];
        /** Default: CPU of the process or container, resident memory, event-loop lag, JVM heap. */
        saturation?: string | string[];
        /** Default: `probe_success{$selector}` (blackbox exporter). */
        probes?: string | string[];
        /** Default: Sloth recording rules (`slo:sli_error:ratio_rate5m`, `slo:objective:ratio`). */
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
