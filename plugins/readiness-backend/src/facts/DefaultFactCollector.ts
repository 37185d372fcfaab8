import type { LoggerService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { ConflictError, InputError, isError } from '@backstage/errors';
import {
  metrics,
  SpanStatusCode,
  trace,
  type Counter,
  type Histogram,
  type Span,
  type Tracer,
} from '@opentelemetry/api';
import {
  describeError,
  isRecord,
  type FactDocument,
  type FactNamespace,
} from '@prodready/plugin-readiness-common';
import type { ReadinessFactProvider } from '@prodready/plugin-readiness-node';
import { withTimeout } from '../scoring/deadlines';
import { isBatchFactProvider } from './BatchFactProvider';
import type { FactCollectOptions, FactCollector } from './FactCollector';
import { formatDuration } from './formatDuration';
import {
  READINESS_INSTRUMENTATION_NAME,
  SECONDS_BUCKETS,
} from '../observability/ReadinessMetrics';

/**
 * The part of an OpenTelemetry `Meter` the collector uses.
 *
 * @internal
 */
export interface FactCollectorMeter {
  createHistogram(
    name: string,
    options?: {
      description?: string;
      unit?: string;
      advice?: { explicitBucketBoundaries?: number[] };
    },
  ): Pick<Histogram, 'record'>;
  createCounter(
    name: string,
    options?: { description?: string; unit?: string },
  ): Pick<Counter, 'add'>;
}

/**
 * Options of {@link DefaultFactCollector.create}.
 *
 * @internal
 */
export interface DefaultFactCollectorOptions {
  /** Every provider: built-in ones and those added through the extension point. */
  providers: ReadinessFactProvider[];
  logger: LoggerService;
  /** Time budget of one provider for one entity, in ms (default 30 000). */
  timeoutMs?: number;
  /**
   * Meter for the provider metrics: the plugin passes its `MetricsService`
   * (default: the global OpenTelemetry meter `readiness`).
   */
  meter?: FactCollectorMeter;
  /** Tracer of the per-provider spans (default: the global `readiness` tracer). */
  tracer?: Tracer;
}

const STATUSES = new Set(['ok', 'not-configured', 'unavailable']);

type Outcome =
  | { kind: 'result'; value: unknown }
  | { kind: 'error'; error: unknown }
  | { kind: 'timeout' }
  | { kind: 'cancelled' };

/**
 * Runs every fact provider for one entity, concurrently, each within its own
 * time budget, and assembles the entity's {@link FactDocument}.
 *
 * - A provider that throws, returns something malformed or overruns
 *   `timeoutMs` (its signal is aborted) gets its namespaces marked
 *   `unavailable` with the reason (`"<provider> timed out after 30 s"`,
 *   `"<provider> failed: <message>"`); the other namespaces are intact.
 * - Namespaces no provider fills are absent from the document: the engine
 *   treats a missing namespace as `not-configured`.
 * - A provider may only fill the namespaces it declares; others are dropped
 *   with a warning. Two providers declaring one namespace is a startup error.
 * - Metrics (OpenTelemetry, meter `readiness`): histogram
 *   `readiness.fact_provider.duration` (seconds) and counter
 *   `readiness.fact_provider.errors`, both with attribute `provider`; errors
 *   also carry `error.type` (`timeout`, `exception`, `invalid`, or
 *   `unavailable` when the provider itself reported a namespace unavailable).
 * - Traces: a span `readiness.fact_provider` per provider and entity
 *   (attributes `readiness.fact_provider.id`, `readiness.entity_ref`,
 *   `readiness.run.id`), with status error and the exception when the
 *   provider fails or reports a namespace unavailable.
 *
 * @internal
 */
export class DefaultFactCollector implements FactCollector {
  readonly namespaces: ReadonlyArray<string>;
  readonly #providers: ReadinessFactProvider[];
  readonly #logger: LoggerService;
  readonly #providerLoggers = new Map<string, LoggerService>();
  readonly #timeoutMs: number;
  readonly #duration: Pick<Histogram, 'record'>;
  readonly #errors: Pick<Counter, 'add'>;
  readonly #warnedUndeclared = new Set<string>();
  readonly #tracer: Tracer;

  /**
   * Creates the collector; throws a `ConflictError` when two providers share
   * an id or a namespace, and an `InputError` for a bad `timeoutMs`.
   */
  static create(options: DefaultFactCollectorOptions): DefaultFactCollector {
    const ids = new Set<string>();
    const owners = new Map<string, string>();
    for (const provider of options.providers) {
      if (ids.has(provider.id)) {
        throw new ConflictError(
          `Two readiness fact providers have the id '${provider.id}'`,
        );
      }
      ids.add(provider.id);
      for (const namespace of provider.namespaces) {
        const other = owners.get(namespace);
        if (other) {
          throw new ConflictError(
            `Readiness fact namespace '${namespace}' is filled by both '${other}' and '${provider.id}'`,
          );
        }
        owners.set(namespace, provider.id);
      }
    }
    const timeoutMs = options.timeoutMs ?? 30_000;
    if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
      throw new InputError(
        `Invalid fact provider timeoutMs ${timeoutMs}; it must be a positive number`,
      );
    }
    return new DefaultFactCollector({ ...options, timeoutMs }, [
      ...owners.keys(),
    ]);
  }

  private constructor(
    options: DefaultFactCollectorOptions & { timeoutMs: number },
    namespaces: string[],
  ) {
    this.#providers = [...options.providers];
    this.#logger = options.logger;
    for (const provider of this.#providers) {
      this.#providerLoggers.set(
        provider.id,
        options.logger.child({ provider: provider.id }),
      );
    }
    this.#timeoutMs = options.timeoutMs;
    this.#tracer =
      options.tracer ?? trace.getTracer(READINESS_INSTRUMENTATION_NAME);
    this.namespaces = namespaces;
    const meter = options.meter ?? metrics.getMeter('readiness');
    this.#duration = meter.createHistogram('readiness.fact_provider.duration', {
      description: 'Time a fact provider took for one entity',
      unit: 's',
      advice: { explicitBucketBoundaries: SECONDS_BUCKETS.short },
    });
    this.#errors = meter.createCounter('readiness.fact_provider.errors', {
      description:
        'Fact provider failures for one entity: throws, timeouts, invalid results and unavailable namespaces',
    });
  }

  async collect(
    entity: Entity,
    options: FactCollectOptions,
  ): Promise<FactDocument> {
    return this.#collectWith(this.#providers, entity, options);
  }

  /**
   * A collector for these entities whose providers read what they need for
   * all of them at once (one query per table instead of one per entity). A
   * provider whose reads fail or overrun the time budget answers entity by
   * entity, as {@link DefaultFactCollector.collect} does.
   */
  async forEntities(
    entities: Entity[],
    options: FactCollectOptions,
  ): Promise<FactCollector> {
    const providers = await Promise.all(
      this.#providers.map(async provider => {
        if (!isBatchFactProvider(provider) || entities.length === 0) {
          return provider;
        }
        try {
          return await withTimeout(
            provider.forEntities(entities),
            this.#timeoutMs,
          );
        } catch (error) {
          this.#logger.warn(
            `Fact provider ${provider.id} could not read for ${
              entities.length
            } entities at once; reading entity by entity: ${describeError(
              error,
            )}`,
            { runId: options.runId, provider: provider.id },
          );
          return provider;
        }
      }),
    );
    return {
      namespaces: this.namespaces,
      collect: (entity, collectOptions) =>
        this.#collectWith(providers, entity, collectOptions),
    };
  }

  async #collectWith(
    providers: ReadinessFactProvider[],
    entity: Entity,
    options: FactCollectOptions,
  ): Promise<FactDocument> {
    const entityRef = stringifyEntityRef(entity);
    const results = await Promise.all(
      providers.map(provider =>
        this.#runProvider(provider, entity, entityRef, options),
      ),
    );
    const namespaces: FactDocument['namespaces'] = {};
    for (const result of results) {
      Object.assign(namespaces, result);
    }
    return { entityRef, namespaces };
  }

  /** Runs one provider within its span. */
  #runProvider(
    provider: ReadinessFactProvider,
    entity: Entity,
    entityRef: string,
    options: FactCollectOptions,
  ): Promise<Record<string, FactNamespace<unknown>>> {
    const attributes = {
      'readiness.fact_provider.id': provider.id,
      'readiness.entity_ref': entityRef,
      'readiness.run.id': options.runId,
    };
    return this.#tracer.startActiveSpan(
      'readiness.fact_provider',
      { attributes },
      async span => {
        try {
          const result = await this.#collectFrom(
            provider,
            entity,
            entityRef,
            options,
            span,
          );
          const unavailable = Object.entries(result).filter(
            ([, namespace]) => namespace.status === 'unavailable',
          );
          if (unavailable.length > 0) {
            span.setStatus({
              code: SpanStatusCode.ERROR,
              message: unavailable
                .map(([name, namespace]) => `${name}: ${namespace.reason}`)
                .join('; '),
            });
          }
          return result;
        } finally {
          span.end();
        }
      },
    );
  }

  async #collectFrom(
    provider: ReadinessFactProvider,
    entity: Entity,
    entityRef: string,
    options: FactCollectOptions,
    span: Span,
  ): Promise<Record<string, FactNamespace<unknown>>> {
    const started = performance.now();
    const outcome = await this.#invoke(provider, entity, options);
    const seconds = (performance.now() - started) / 1000;
    this.#duration.record(seconds, { provider: provider.id });
    const collectedAt = new Date().toISOString();

    const failAll = (reason: string) =>
      Object.fromEntries(
        provider.namespaces.map(namespace => [
          namespace,
          { status: 'unavailable' as const, reason, collectedAt },
        ]),
      );
    const logContext = {
      runId: options.runId,
      entityRef,
      provider: provider.id,
    };

    switch (outcome.kind) {
      case 'cancelled':
        return failAll('fact collection was cancelled');
      case 'timeout': {
        const reason = `${provider.id} timed out after ${formatDuration(
          this.#timeoutMs,
        )}`;
        this.#errors.add(1, { provider: provider.id, 'error.type': 'timeout' });
        this.#logger.warn(
          `Fact provider ${reason} for ${entityRef}`,
          logContext,
        );
        return failAll(reason);
      }
      case 'error': {
        const reason = `${provider.id} failed: ${describeError(outcome.error)}`;
        if (isError(outcome.error)) {
          span.recordException(outcome.error);
        }
        this.#errors.add(1, {
          provider: provider.id,
          'error.type': 'exception',
        });
        this.#logger.warn(
          `Fact provider ${reason} for ${entityRef}`,
          logContext,
        );
        return failAll(reason);
      }
      default:
        break;
    }

    if (!isRecord(outcome.value)) {
      const reason = `${provider.id} returned an invalid result`;
      this.#errors.add(1, { provider: provider.id, 'error.type': 'invalid' });
      this.#logger.warn(`Fact provider ${reason} for ${entityRef}`, logContext);
      return failAll(reason);
    }

    const result: Record<string, FactNamespace<unknown>> = {};
    for (const [namespace, value] of Object.entries(outcome.value)) {
      if (!provider.namespaces.includes(namespace)) {
        const key = `${provider.id}/${namespace}`;
        if (!this.#warnedUndeclared.has(key)) {
          this.#warnedUndeclared.add(key);
          this.#logger.warn(
            `Fact provider ${provider.id} returned namespace '${namespace}' it does not declare; it is ignored`,
            logContext,
          );
        }
        continue;
      }
      if (value === undefined) {
        continue;
      }
      if (!isRecord(value) || !STATUSES.has(value.status as string)) {
        const reason = `${provider.id} returned an invalid '${namespace}' namespace`;
        this.#errors.add(1, { provider: provider.id, 'error.type': 'invalid' });
        this.#logger.warn(
          `Fact provider ${reason} for ${entityRef}`,
          logContext,
        );
        result[namespace] = { status: 'unavailable', reason, collectedAt };
        continue;
      }
      const namespaceValue = value as unknown as FactNamespace<unknown>;
      if (namespaceValue.status === 'unavailable') {
        this.#errors.add(1, {
          provider: provider.id,
          'error.type': 'unavailable',
        });
      }
      result[namespace] = {
        ...namespaceValue,
        collectedAt: namespaceValue.collectedAt ?? collectedAt,
      };
    }
    return result;
  }

  /** Calls the provider within its time budget; never rejects. */
  async #invoke(
    provider: ReadinessFactProvider,
    entity: Entity,
    options: FactCollectOptions,
  ): Promise<Outcome> {
    if (options.signal?.aborted) {
      return { kind: 'cancelled' };
    }
    const controller = new AbortController();
    let settle: (outcome: Outcome) => void = () => {};
    const stopped = new Promise<Outcome>(resolve => {
      settle = resolve;
    });
    const timer = setTimeout(() => {
      controller.abort(
        new Error(`${provider.id} timed out after ${this.#timeoutMs} ms`),
      );
      settle({ kind: 'timeout' });
    }, this.#timeoutMs);
    const onCancel = () => {
      controller.abort(options.signal?.reason);
      settle({ kind: 'cancelled' });
    };
    options.signal?.addEventListener('abort', onCancel, { once: true });

    try {
      const running = (async (): Promise<Outcome> => {
        try {
          const value = await provider.collect(entity, {
            logger: this.#providerLoggers.get(provider.id) ?? this.#logger,
            signal: controller.signal,
            runId: options.runId,
          });
          return { kind: 'result', value };
        } catch (error) {
          return { kind: 'error', error };
        }
      })();
      return await Promise.race([running, stopped]);
    } finally {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onCancel);
    }
  }
}
