/**
 * Readiness backend module that reads live golden-signal evidence, probes,
 * SLO series and alert rules from Prometheus.
 *
 * @packageDocumentation
 */

export { readinessModulePrometheus as default } from './module';
export * from './defaultQueries';
export * from './PrometheusClient';
export * from './PrometheusFactProvider';
export * from './readPrometheusConfig';
