import {
  metrics,
  trace,
  type Counter,
  type Histogram,
  type Meter,
  type Tracer,
} from '@opentelemetry/api';
import type { CheckState } from '@prodready/plugin-readiness-common';

/**
 * The name of the OpenTelemetry meter and tracer of the plugin.
 *
 * @public
 */
export const READINESS_INSTRUMENTATION_NAME = 'readiness';

/**
 * The plugin's own OpenTelemetry instruments. Without an OpenTelemetry SDK
 * in the process they are no-ops.
 *
 * - `readiness.rescore.duration` (histogram, s; attribute `outcome`): full rescores.
 * - `readiness.rescore.entities` (counter; attribute `trigger`): entities
 *   scored, so entities/s is its rate.
 * - `readiness.results` (observable gauge; attribute `state`): results by
 *   state after the latest full rescore.
 * - `readiness.facts.duration` (histogram, s): fact collection of one
 *   entity, all providers together. Per-provider latency and errors are
 *   recorded by the fact collector (`readiness.fact_provider.duration`,
 *   `readiness.fact_provider.errors`).
 *
 * A span `readiness.rescore` wraps each full rescore.
 *
 * @public
 */
export class ReadinessMetrics {
  /** Creates the instruments on the global meter and tracer providers. */
  static create(
    meter: Meter = metrics.getMeter(READINESS_INSTRUMENTATION_NAME),
    tracer: Tracer = trace.getTracer(READINESS_INSTRUMENTATION_NAME),
  ): ReadinessMetrics {
    return new ReadinessMetrics(meter, tracer);
  }

  /** The tracer for spans of the plugin. */
  readonly tracer: Tracer;
  readonly #rescoreDuration: Histogram;
  readonly #entities: Counter;
  readonly #factsDuration: Histogram;
  #resultCounts: Partial<Record<CheckState, number>> = {};

  private constructor(meter: Meter, tracer: Tracer) {
    this.tracer = tracer;
    this.#rescoreDuration = meter.createHistogram(
      'readiness.rescore.duration',
      { description: 'Duration of full rescores of the catalog', unit: 's' },
    );
    this.#entities = meter.createCounter('readiness.rescore.entities', {
      description: 'Entities scored; its rate is entities scored per second',
    });
    this.#factsDuration = meter.createHistogram('readiness.facts.duration', {
      description: 'Time to collect the facts of one entity',
      unit: 's',
    });
    meter
      .createObservableGauge('readiness.results', {
        description: 'Check results by state after the latest full rescore',
      })
      .addCallback(result => {
        for (const [state, count] of Object.entries(this.#resultCounts)) {
          result.observe(count ?? 0, { state });
        }
      });
  }

  /** Records a finished full rescore. */
  recordRescore(seconds: number, outcome: 'succeeded' | 'failed'): void {
    this.#rescoreDuration.record(seconds, { outcome });
  }

  /** Counts scored entities. */
  recordEntitiesScored(count: number, trigger: string): void {
    if (count > 0) {
      this.#entities.add(count, { trigger });
    }
  }

  /** Records the time taken to collect one entity's facts. */
  recordFacts(seconds: number): void {
    this.#factsDuration.record(seconds);
  }

  /** Sets the result counts reported by `readiness.results`. */
  setResultCounts(counts: Partial<Record<CheckState, number>>): void {
    this.#resultCounts = { ...counts };
  }
}
