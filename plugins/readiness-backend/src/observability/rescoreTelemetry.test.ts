import type { LoggerService } from '@backstage/backend-plugin-api';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  metrics as otelMetrics,
  SpanStatusCode,
  type Attributes,
  type AttributeValue,
  type Exception,
  type Span,
  type SpanOptions,
  type SpanStatus,
  type Tracer,
} from '@opentelemetry/api';
import {
  createCheckPack,
  defaultChecks,
} from '@prodready/plugin-readiness-common';
import type { ReadinessFactProvider } from '@prodready/plugin-readiness-node';
import { DatabaseReadinessStore } from '../database/DatabaseReadinessStore';
import { DefaultFactCollector } from '../facts';
import { DefaultScoringService } from '../scoring/DefaultScoringService';
import { PackIndex } from '../pack/PackIndex';
import { ReadinessMetrics } from './ReadinessMetrics';

/*
 * The rescore's own telemetry, as an operator reads it: one structured log
 * line per rescore (run id, entity counts, duration), the stack on failure,
 * a span per rescore and one per fact source and entity.
 */

jest.setTimeout(30_000);

/** A span that keeps what is recorded on it. */
class RecordedSpan {
  readonly attributes: Attributes = {};
  readonly exceptions: Exception[] = [];
  status: SpanStatus = { code: SpanStatusCode.UNSET };
  ended = false;
  constructor(readonly name: string, options?: SpanOptions) {
    Object.assign(this.attributes, options?.attributes);
  }
  spanContext() {
    return { traceId: '0'.repeat(32), spanId: '0'.repeat(16), traceFlags: 1 };
  }
  setAttribute(key: string, value: AttributeValue) {
    this.attributes[key] = value;
    return this;
  }
  setAttributes(attributes: Attributes) {
    Object.assign(this.attributes, attributes);
    return this;
  }
  addEvent() {
    return this;
  }
  addLink() {
    return this;
  }
  addLinks() {
    return this;
  }
  setStatus(status: SpanStatus) {
    this.status = status;
    return this;
  }
  updateName() {
    return this;
  }
  end() {
    this.ended = true;
  }
  isRecording() {
    return !this.ended;
  }
  recordException(exception: Exception) {
    this.exceptions.push(exception);
  }
}

/** A tracer that keeps its spans, in the order they started. */
class RecordingTracer implements Tracer {
  readonly spans: RecordedSpan[] = [];
  startSpan(name: string, options?: SpanOptions): Span {
    const span = new RecordedSpan(name, options);
    this.spans.push(span);
    return span;
  }
  startActiveSpan<F extends (span: Span) => unknown>(
    name: string,
    ...args: unknown[]
  ): ReturnType<F> {
    const fn = args[args.length - 1] as F;
    const options = args.length > 1 ? (args[0] as SpanOptions) : undefined;
    return fn(this.startSpan(name, options)) as ReturnType<F>;
  }
  named(name: string) {
    return this.spans.filter(span => span.name === name);
  }
}

interface LogLine {
  level: 'error' | 'warn' | 'info' | 'debug';
  message: string;
  fields: Record<string, unknown>;
}

/** A logger that keeps its lines with their fields (child fields merged in). */
function capturingLogger(
  lines: LogLine[],
  inherited: Record<string, unknown> = {},
): LoggerService {
  const log =
    (level: LogLine['level']) => (message: string, meta?: unknown) => {
      const own =
        meta instanceof Error
          ? { error: meta }
          : (meta as Record<string, unknown> | undefined);
      lines.push({ level, message, fields: { ...inherited, ...own } });
    };
  return {
    error: log('error'),
    warn: log('warn'),
    info: log('info'),
    debug: log('debug'),
    child: fields => capturingLogger(lines, { ...inherited, ...fields }),
  };
}

function component(name: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default' },
    spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
  };
}

/** Fills `entity` and `owner` from the entity itself. */
const catalogProvider: ReadinessFactProvider = {
  id: 'test-catalog',
  namespaces: ['entity', 'owner'],
  async collect(entity) {
    return {
      entity: { status: 'ok', data: entity },
      owner: {
        status: 'ok',
        data: {
          ownerRef: 'group:default/team-a',
          resolved: true,
          kind: 'group',
          contacts: [{ type: 'email', label: 'team-a@example.com' }],
          members: [],
        },
      },
    };
  },
};

/** A metrics source that is down for one entity and throws for another. */
const flakyMetricsProvider: ReadinessFactProvider = {
  id: 'test-metrics',
  namespaces: ['metrics'],
  async collect(entity) {
    if (entity.metadata.name === 'throws') {
      throw new Error('metrics backend exploded');
    }
    return {
      metrics: { status: 'unavailable', reason: 'metrics backend is down' },
    };
  },
};

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

async function setup(options: { catalog: CatalogService }) {
  const lines: LogLine[] = [];
  const tracer = new RecordingTracer();
  const logger = capturingLogger(lines);
  const store = await DatabaseReadinessStore.create({
    database: mockServices.database({
      knex: await databases.init('SQLITE_3'),
    }),
  });
  const service = DefaultScoringService.create({
    store,
    catalog: options.catalog,
    auth: mockServices.auth(),
    logger,
    collector: DefaultFactCollector.create({
      providers: [catalogProvider, flakyMetricsProvider],
      logger,
      tracer,
    }),
    pack: new PackIndex(createCheckPack({ checks: defaultChecks })),
    metrics: ReadinessMetrics.create(otelMetrics.getMeter('test'), tracer),
    kinds: ['Component'],
    concurrency: 2,
    pageSize: 2,
    historyRetentionDays: 180,
  });
  const rescore = async () => {
    const run = await store.createRun({
      trigger: 'schedule',
      claimed: true,
      now: new Date(),
    });
    return service.rescoreAll(run, new AbortController().signal);
  };
  /** The lines that sum up a rescore: those with its duration. */
  const summaries = () => lines.filter(l => 'durationSeconds' in l.fields);
  return { lines, tracer, rescore, summaries };
}

describe('rescore telemetry', () => {
  it('logs one structured line per rescore with its run id, entity counts and duration', async () => {
    const { rescore, summaries } = await setup({
      catalog: catalogServiceMock({
        entities: [component('a'), component('b'), component('throws')],
      }),
    });

    const first = await rescore();
    const second = await rescore();

    expect(first.status).toBe('succeeded');
    expect(summaries()).toEqual([
      {
        level: 'info',
        message: expect.stringMatching(/^Rescored 3 entities in [\d.]+s/),
        fields: {
          runId: first.id,
          status: 'succeeded',
          trigger: 'schedule',
          entitiesTotal: 3,
          entitiesDone: 3,
          errors: 0,
          durationSeconds: expect.any(Number),
          entitiesPerSecond: expect.any(Number),
        },
      },
      expect.objectContaining({
        level: 'info',
        fields: expect.objectContaining({ runId: second.id, entitiesDone: 3 }),
      }),
    ]);
    expect(second.id).not.toBe(first.id);
  });

  it('logs a failed rescore as an error line with the stack', async () => {
    const catalog = catalogServiceMock({ entities: [component('a')] });
    const outage = new Error('catalog is down');
    jest.spyOn(catalog, 'queryEntities').mockRejectedValue(outage);
    const { rescore, summaries, tracer } = await setup({ catalog });

    const run = await rescore();

    expect(run.status).toBe('failed');
    const [line] = summaries();
    expect(summaries()).toHaveLength(1);
    expect(line.level).toBe('error');
    expect(line.message).toMatch(
      /^Rescore failed after 0 entities .*catalog is down/,
    );
    expect(line.fields).toMatchObject({
      runId: run.id,
      status: 'failed',
      entitiesDone: 0,
      errorName: 'Error',
      durationSeconds: expect.any(Number),
    });
    expect(line.fields.stack).toContain('Error: catalog is down');
    expect(line.fields.stack).toMatch(/\n\s+at /);

    const [span] = tracer.named('readiness.rescore');
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
    expect(span.exceptions).toEqual([outage]);
    expect(span.ended).toBe(true);
  });

  it('traces each rescore and each fact source per entity', async () => {
    const { rescore, tracer } = await setup({
      catalog: catalogServiceMock({
        entities: [component('a'), component('throws')],
      }),
    });

    const run = await rescore();

    const rescores = tracer.named('readiness.rescore');
    expect(rescores).toHaveLength(1);
    expect(rescores[0]).toMatchObject({
      ended: true,
      status: { code: SpanStatusCode.UNSET },
      attributes: {
        'readiness.run.id': run.id,
        'readiness.run.trigger': 'schedule',
        'readiness.entities': 2,
      },
    });

    const sources = tracer.named('readiness.fact_provider');
    const summary = sources.map(span => ({
      provider: span.attributes['readiness.fact_provider.id'],
      entity: span.attributes['readiness.entity_ref'],
      runId: span.attributes['readiness.run.id'],
      status: span.status,
      exceptions: span.exceptions.length,
      ended: span.ended,
    }));
    expect(summary).toHaveLength(4);
    expect(summary).toEqual(
      expect.arrayContaining([
        {
          provider: 'test-catalog',
          entity: 'component:default/a',
          runId: run.id,
          status: { code: SpanStatusCode.UNSET },
          exceptions: 0,
          ended: true,
        },
        {
          provider: 'test-catalog',
          entity: 'component:default/throws',
          runId: run.id,
          status: { code: SpanStatusCode.UNSET },
          exceptions: 0,
          ended: true,
        },
        {
          provider: 'test-metrics',
          entity: 'component:default/a',
          runId: run.id,
          status: {
            code: SpanStatusCode.ERROR,
            message: 'metrics: metrics backend is down',
          },
          exceptions: 0,
          ended: true,
        },
        {
          provider: 'test-metrics',
          entity: 'component:default/throws',
          runId: run.id,
          status: {
            code: SpanStatusCode.ERROR,
            message: 'metrics: test-metrics failed: metrics backend exploded',
          },
          exceptions: 1,
          ended: true,
        },
      ]),
    );
  });
});
