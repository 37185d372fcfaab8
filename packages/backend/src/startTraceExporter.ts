import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import {
  BatchSpanProcessor,
  NodeTracerProvider,
} from '@opentelemetry/sdk-trace-node';
import { serviceResource } from './serviceResource';

/**
 * Registers an OpenTelemetry tracer provider for the whole process that sends
 * spans (the readiness plugin's `readiness.rescore`, one per full rescore,
 * with its run id and entity count) over OTLP/HTTP to the collector named by
 * the standard variables `OTEL_EXPORTER_OTLP_ENDPOINT` or
 * `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`.
 *
 * `OTEL_SERVICE_NAME` names the service (default `backstage`).
 *
 * Returns `undefined`, registering nothing, when neither endpoint is set: without a
 * collector the spans would have nowhere to go.
 */
export function startTraceExporter(
  env: NodeJS.ProcessEnv = process.env,
): NodeTracerProvider | undefined {
  if (
    !env.OTEL_EXPORTER_OTLP_ENDPOINT &&
    !env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT
  ) {
    return undefined;
  }
  const provider = new NodeTracerProvider({
    resource: serviceResource(env),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())],
  });
  provider.register();
  return provider;
}
