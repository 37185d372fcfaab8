import { metrics } from '@opentelemetry/api';
import { PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import { MeterProvider } from '@opentelemetry/sdk-metrics';
import { registerRuntimeMetrics } from './registerRuntimeMetrics';
import { serviceResource } from './serviceResource';

/** Options of {@link startMetricsExporter}. */
export interface MetricsExporterOptions {
  /** Default `OTEL_EXPORTER_PROMETHEUS_PORT`, else 9464. */
  port?: number;
  /** Default `OTEL_EXPORTER_PROMETHEUS_HOST`, else all interfaces. */
  host?: string;
  /** Called once the endpoint serves, or with the reason it could not. */
  onStarted?: (error?: Error) => void;
}

/**
 * Registers an OpenTelemetry meter provider for the whole process and serves
 * its metrics for Prometheus at `http://<host>:<port>/metrics`: the backend's
 * own golden signals (the readiness API's request duration, traffic, errors
 * and requests in flight), its scoring metrics, and the process's memory and
 * event-loop lag ({@link registerRuntimeMetrics}). Must run before the
 * backend starts, since plugins create their instruments at start-up.
 *
 * Returns `undefined`, registering nothing, when `OTEL_METRICS_EXPORTER` is
 * `none`. A port that is taken does not stop the backend: the failure is
 * reported to `onStarted` (by default, on standard error).
 */
export function startMetricsExporter(
  options: MetricsExporterOptions = {},
): MeterProvider | undefined {
  if (process.env.OTEL_METRICS_EXPORTER === 'none') {
    return undefined;
  }
  const onStarted =
    options.onStarted ??
    ((error?: Error) => {
      if (error) {
        process.stderr.write(
          `Metrics endpoint not started (OTEL_EXPORTER_PROMETHEUS_PORT): ${error.message}\n`,
        );
      }
    });
  const exporter = new PrometheusExporter(
    { port: options.port, host: options.host },
    error => onStarted(error || undefined),
  );
  const provider = new MeterProvider({
    resource: serviceResource(),
    readers: [exporter],
  });
  metrics.setGlobalMeterProvider(provider);
  registerRuntimeMetrics(provider.getMeter('nodejs-runtime'));
  return provider;
}
