import { trace, type Tracer } from '@opentelemetry/api';
import type { CheckState } from '@prodready/plugin-readiness-common';

/**
 * The name of the OpenTelemetry meter and tracer of the plugin.
 *
 * @internal
 */
export const READINESS_INSTRUMENTATION_NAME = 'readiness';

/** Attributes of a measurement. */
type Attributes = Record<string, string | number>;

/** Options of an instrument; `advice` sets histogram buckets. */
interface InstrumentOptions {
  description?: string;
  unit?: string;
  advice?: { explicitBucketBoundaries?: number[] };
}

/**
 * Histogram buckets in seconds. The SDK's default buckets are meant for
 * milliseconds (0, 5, 10 … 10 000) and would put every request in the first.
 *
 * @internal
 */
export const SECONDS_BUCKETS = {
  /** For requests and per-entity work: 5 ms to 10 s. */
  short: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  /** For full rescores: 1 s to 1 h. */
  long: [1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800, 3600],
};

/**
 * The instrument factories the plugin uses: satisfied by the backend's
 * plugin-scoped `MetricsService` (`metricsServiceRef`, meter
 * `backstage-plugin-readiness`) and by an OpenTelemetry `Meter`.
 *
 * @internal
 */
export interface ReadinessMeter {
  createHistogram(
    name: string,
    options?: InstrumentOptions,
  ): { record(value: number, attributes?: Attributes): void };
  createCounter(
    name: string,
    options?: InstrumentOptions,
  ): { add(value: number, attributes?: Attributes): void };
  createUpDownCounter(
    name: string,
    options?: InstrumentOptions,
  ): { add(value: number, attributes?: Attributes): void };
  createObservableGauge(
    name: string,
    options?: InstrumentOptions,
  ): {
    addCallback(
      callback: (result: {
        observe(value: number, attributes?: Attributes): void;
      }) => void,
    ): void;
  };
}

/**
 * The plugin's own OpenTelemetry instruments: its golden signals as a
 * service (request latency, traffic, errors and requests in flight) and
 * those of its scoring. Without an OpenTelemetry SDK in the process they
 * are no-ops.
 *
 * - `readiness.http.server.request.duration` (histogram, s; attributes
 *   `http.route` (the OpenAPI path), `http.request.method`,
 *   `http.response.status_code`): every API request. Its count is the
 *   traffic, its 5xx share the error rate.
 * - `readiness.http.server.active_requests` (up-down counter; attribute
 *   `http.request.method`): requests in flight, the saturation signal.
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
 * @internal
 */
export class ReadinessMetrics {
  /**
   * Creates the instruments.
   *
   * @param meter - the plugin's `MetricsService` (or an OpenTelemetry meter)
   * @param tracer - default: the global tracer provider's `readiness` tracer
   */
  static create(
    meter: ReadinessMeter,
    tracer: Tracer = trace.getTracer(READINESS_INSTRUMENTATION_NAME),
  ): ReadinessMetrics {
    return new ReadinessMetrics(meter, tracer);
  }

  /** The tracer for spans of the plugin. */
  readonly tracer: Tracer;
  /** The meter the instruments were made with (shared with the fact collector). */
  readonly meter: ReadinessMeter;
  readonly #requestDuration: ReturnType<ReadinessMeter['createHistogram']>;
  readonly #activeRequests: ReturnType<ReadinessMeter['createUpDownCounter']>;
  readonly #rescoreDuration: ReturnType<ReadinessMeter['createHistogram']>;
  readonly #entities: ReturnType<ReadinessMeter['createCounter']>;
  readonly #factsDuration: ReturnType<ReadinessMeter['createHistogram']>;
  #resultCounts: Partial<Record<CheckState, number>> = {};

  private constructor(meter: ReadinessMeter, tracer: Tracer) {
    this.tracer = tracer;
    this.meter = meter;
    this.#requestDuration = meter.createHistogram(
      'readiness.http.server.request.duration',
      {
        description: 'Duration of readiness API requests',
        unit: 's',
        advice: { explicitBucketBoundaries: SECONDS_BUCKETS.short },
      },
    );
    this.#activeRequests = meter.createUpDownCounter(
      'readiness.http.server.active_requests',
      { description: 'Readiness API requests in flight' },
    );
    this.#rescoreDuration = meter.createHistogram(
      'readiness.rescore.duration',
      {
        description: 'Duration of full rescores of the catalog',
        unit: 's',
        advice: { explicitBucketBoundaries: SECONDS_BUCKETS.long },
      },
    );
    this.#entities = meter.createCounter('readiness.rescore.entities', {
      description: 'Entities scored; its rate is entities scored per second',
    });
    this.#factsDuration = meter.createHistogram('readiness.facts.duration', {
      description: 'Time to collect the facts of one entity',
      unit: 's',
      advice: { explicitBucketBoundaries: SECONDS_BUCKETS.short },
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

  /** Counts a request in flight until {@link ReadinessMetrics.requestFinished}. */
  requestStarted(method: string): void {
    this.#activeRequests.add(1, { 'http.request.method': method });
  }

  /** Records a finished API request. */
  requestFinished(request: {
    method: string;
    route: string;
    status: number;
    seconds: number;
  }): void {
    const { method, route, status, seconds } = request;
    this.#activeRequests.add(-1, { 'http.request.method': method });
    this.#requestDuration.record(seconds, {
      'http.request.method': method,
      'http.route': route,
      'http.response.status_code': status,
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
