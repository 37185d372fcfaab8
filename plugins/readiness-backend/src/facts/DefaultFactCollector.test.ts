import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import type { FactNamespace } from '@prodready/plugin-readiness-common';
import type {
  FactProviderContext,
  ReadinessFactProvider,
} from '@prodready/plugin-readiness-node';
import {
  DefaultFactCollector,
  FactCollectorMeter,
} from './DefaultFactCollector';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments-api', namespace: 'default' },
  spec: { type: 'service', owner: 'payments', lifecycle: 'production' },
};

function provider(
  id: string,
  namespaces: string[],
  collect: (
    entity: Entity,
    context: FactProviderContext,
  ) => Promise<Record<string, FactNamespace<unknown>>>,
): ReadinessFactProvider {
  return { id, namespaces, collect };
}

const catalog = provider('catalog', ['entity', 'owner'], async e => ({
  entity: { status: 'ok', data: e },
  owner: {
    status: 'ok',
    data: { resolved: true, contacts: [], members: [] },
    collectedAt: '2024-01-01T00:00:00.000Z',
  },
}));

function recordingMeter() {
  const durations: Array<{ value: number; attributes: unknown }> = [];
  const errors: Array<{ value: number; attributes: unknown }> = [];
  const meter: FactCollectorMeter = {
    createHistogram: name => ({
      record: (value, attributes) => {
        expect(name).toBe('readiness.fact_provider.duration');
        durations.push({ value, attributes });
      },
    }),
    createCounter: name => ({
      add: (value, attributes) => {
        expect(name).toBe('readiness.fact_provider.errors');
        errors.push({ value, attributes });
      },
    }),
  };
  return { meter, durations, errors };
}

describe('DefaultFactCollector', () => {
  it('merges every provider into one document and records latency', async () => {
    const { meter, durations, errors } = recordingMeter();
    const metrics = provider('prometheus', ['metrics'], async () => ({
      metrics: { status: 'not-configured', reason: 'no Prometheus' },
    }));
    const collector = DefaultFactCollector.create({
      providers: [catalog, metrics],
      logger: mockServices.logger.mock(),
      meter,
    });
    const document = await collector.collect(entity, { runId: 'run-1' });

    expect(document.entityRef).toBe('component:default/payments-api');
    expect(Object.keys(document.namespaces).sort()).toEqual([
      'entity',
      'metrics',
      'owner',
    ]);
    expect(document.namespaces.entity).toMatchObject({
      status: 'ok',
      data: entity,
      collectedAt: expect.any(String),
    });
    // A provider's own collectedAt is kept.
    expect(document.namespaces.owner?.collectedAt).toBe(
      '2024-01-01T00:00:00.000Z',
    );
    expect(document.namespaces.metrics).toMatchObject({
      status: 'not-configured',
      reason: 'no Prometheus',
    });
    // `repository` is filled by nobody: absent, which means not-configured.
    expect(document.namespaces.repository).toBeUndefined();
    expect(collector.namespaces).toEqual(['entity', 'owner', 'metrics']);
    expect(durations.map(d => d.attributes)).toEqual([
      { provider: 'catalog' },
      { provider: 'prometheus' },
    ]);
    expect(durations.every(d => d.value >= 0)).toBe(true);
    expect(errors).toEqual([]);
  });

  it('marks the namespaces of a provider that hangs unavailable and keeps the others', async () => {
    const { meter, errors } = recordingMeter();
    let hungSignal: AbortSignal | undefined;
    const hanging = provider('repository', ['repository'], (_e, context) => {
      hungSignal = context.signal;
      return new Promise(() => {});
    });
    const logger = mockServices.logger.mock();
    const collector = DefaultFactCollector.create({
      providers: [catalog, hanging],
      logger,
      timeoutMs: 50,
      meter,
    });
    const document = await collector.collect(entity, { runId: 'run-2' });

    expect(document.namespaces.repository).toEqual({
      status: 'unavailable',
      reason: 'repository timed out after 50 ms',
      collectedAt: expect.any(String),
    });
    expect(document.namespaces.entity?.status).toBe('ok');
    expect(document.namespaces.owner?.status).toBe('ok');
    expect(hungSignal?.aborted).toBe(true);
    expect(errors).toEqual([
      {
        value: 1,
        attributes: { provider: 'repository', 'error.type': 'timeout' },
      },
    ]);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('repository timed out after 50 ms'),
      expect.objectContaining({ runId: 'run-2', provider: 'repository' }),
    );
  });

  it('turns a throw into unavailable namespaces with the message', async () => {
    const { meter, errors } = recordingMeter();
    const failing = provider('metrics-x', ['metrics', 'alerts'], async () => {
      throw new Error('connect ECONNREFUSED\n127.0.0.1:9090');
    });
    const collector = DefaultFactCollector.create({
      providers: [catalog, failing],
      logger: mockServices.logger.mock(),
      meter,
    });
    const document = await collector.collect(entity, { runId: 'run-3' });
    for (const namespace of ['metrics', 'alerts']) {
      expect(document.namespaces[namespace]).toMatchObject({
        status: 'unavailable',
        reason: 'metrics-x failed: connect ECONNREFUSED 127.0.0.1:9090',
      });
    }
    expect(document.namespaces.owner?.status).toBe('ok');
    expect(errors).toEqual([
      {
        value: 1,
        attributes: { provider: 'metrics-x', 'error.type': 'exception' },
      },
    ]);
  });

  it('counts namespaces a provider reports unavailable as errors', async () => {
    const { meter, errors } = recordingMeter();
    const flaky = provider('repository', ['repository'], async () => ({
      repository: { status: 'unavailable', reason: 'reading x failed: 502' },
    }));
    const collector = DefaultFactCollector.create({
      providers: [flaky],
      logger: mockServices.logger.mock(),
      meter,
    });
    const document = await collector.collect(entity, { runId: 'run-4' });
    expect(document.namespaces.repository).toMatchObject({
      status: 'unavailable',
      reason: 'reading x failed: 502',
    });
    expect(errors).toEqual([
      {
        value: 1,
        attributes: { provider: 'repository', 'error.type': 'unavailable' },
      },
    ]);
  });

  it('drops undeclared namespaces and rejects malformed ones', async () => {
    const logger = mockServices.logger.mock();
    const sloppy = provider('sloppy', ['a', 'b', 'c'], async () => ({
      a: { status: 'ok', data: { fine: true } },
      b: { status: 'great' } as unknown as FactNamespace<unknown>,
      entity: { status: 'ok', data: { hijacked: true } },
    }));
    const collector = DefaultFactCollector.create({
      providers: [catalog, sloppy],
      logger,
      meter: recordingMeter().meter,
    });
    const first = await collector.collect(entity, { runId: 'r' });
    await collector.collect(entity, { runId: 'r' });

    expect(first.namespaces.a).toMatchObject({ status: 'ok' });
    expect(first.namespaces.b).toMatchObject({
      status: 'unavailable',
      reason: "sloppy returned an invalid 'b' namespace",
    });
    // Not returned: absent.
    expect(first.namespaces.c).toBeUndefined();
    // The catalog's entity namespace is not overwritten.
    expect(first.namespaces.entity?.data).toEqual(entity);
    const undeclaredWarnings = logger.warn.mock.calls.filter(([message]) =>
      String(message).includes("namespace 'entity' it does not declare"),
    );
    expect(undeclaredWarnings).toHaveLength(1);
  });

  it('marks every namespace unavailable when a provider returns a non-object', async () => {
    const broken = provider(
      'broken',
      ['x'],
      async () => null as unknown as Record<string, FactNamespace<unknown>>,
    );
    const collector = DefaultFactCollector.create({
      providers: [broken],
      logger: mockServices.logger.mock(),
      meter: recordingMeter().meter,
    });
    const document = await collector.collect(entity, { runId: 'r' });
    expect(document.namespaces.x).toMatchObject({
      status: 'unavailable',
      reason: 'broken returned an invalid result',
    });
  });

  it('stops every provider when the run is cancelled', async () => {
    const signals: AbortSignal[] = [];
    const hanging = provider('slow', ['slow'], (_e, context) => {
      signals.push(context.signal);
      return new Promise(() => {});
    });
    const collector = DefaultFactCollector.create({
      providers: [hanging],
      logger: mockServices.logger.mock(),
      timeoutMs: 60_000,
      meter: recordingMeter().meter,
    });
    const controller = new AbortController();
    const pending = collector.collect(entity, {
      runId: 'r',
      signal: controller.signal,
    });
    controller.abort();
    const document = await pending;
    expect(document.namespaces.slow).toMatchObject({
      status: 'unavailable',
      reason: 'fact collection was cancelled',
    });
    expect(signals[0].aborted).toBe(true);

    const again = await collector.collect(entity, {
      runId: 'r',
      signal: controller.signal,
    });
    expect(again.namespaces.slow?.reason).toBe('fact collection was cancelled');
    expect(signals).toHaveLength(1);
  });

  it('lets batch providers read for many entities at once, and falls back to one by one when that fails', async () => {
    const other: Entity = {
      ...entity,
      metadata: { name: 'ledger', namespace: 'default' },
    };
    const reads: string[] = [];
    const batched = {
      ...provider('pushed', ['pushed'], async e => {
        reads.push(`one ${e.metadata.name}`);
        return { pushed: { status: 'ok', data: { from: 'one' } } };
      }),
      forEntities: async (entities: Entity[]) => {
        reads.push(`batch ${entities.map(e => e.metadata.name).join(',')}`);
        return provider('pushed', ['pushed'], async e => ({
          pushed: {
            status: 'ok',
            data: { from: 'batch', of: e.metadata.name },
          },
        }));
      },
    };
    const logger = mockServices.logger.mock();
    const collector = DefaultFactCollector.create({
      providers: [catalog, batched],
      logger,
      meter: recordingMeter().meter,
    });
    const forBoth = await collector.forEntities([entity, other], {
      runId: 'r1',
    });
    expect(forBoth.namespaces).toEqual(collector.namespaces);
    const docs = await Promise.all(
      [entity, other].map(e => forBoth.collect(e, { runId: 'r1' })),
    );
    expect(docs.map(d => d.namespaces.pushed)).toEqual([
      expect.objectContaining({ data: { from: 'batch', of: 'payments-api' } }),
      expect.objectContaining({ data: { from: 'batch', of: 'ledger' } }),
    ]);
    expect(docs[1].namespaces.owner?.status).toBe('ok');
    expect(reads).toEqual(['batch payments-api,ledger']);

    // The batch read fails: each entity is read by itself, nothing fails.
    batched.forEntities = async () => {
      throw new Error('database gone for a moment');
    };
    reads.length = 0;
    const fallback = await collector.forEntities([entity], { runId: 'r2' });
    const doc = await fallback.collect(entity, { runId: 'r2' });
    expect(doc.namespaces.pushed).toEqual(
      expect.objectContaining({ status: 'ok', data: { from: 'one' } }),
    );
    expect(reads).toEqual(['one payments-api']);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining(
        'pushed could not read for 1 entities at once; reading entity by entity: database gone for a moment',
      ),
      expect.objectContaining({ runId: 'r2' }),
    );
  });

  it('refuses providers that share an id or a namespace', () => {
    const logger = mockServices.logger.mock();
    expect(() =>
      DefaultFactCollector.create({
        providers: [catalog, provider('other', ['owner'], async () => ({}))],
        logger,
      }),
    ).toThrow(
      "Readiness fact namespace 'owner' is filled by both 'catalog' and 'other'",
    );
    expect(() =>
      DefaultFactCollector.create({
        providers: [catalog, provider('catalog', ['x'], async () => ({}))],
        logger,
      }),
    ).toThrow("Two readiness fact providers have the id 'catalog'");
    expect(() =>
      DefaultFactCollector.create({ providers: [], logger, timeoutMs: 0 }),
    ).toThrow('Invalid fact provider timeoutMs 0');
  });

  it('passes the run id and a child logger to providers', async () => {
    const seen: FactProviderContext[] = [];
    const spy = provider('spy', ['spy'], async (_e, context) => {
      seen.push(context);
      return { spy: { status: 'ok', data: {} } };
    });
    const logger = mockServices.logger.mock();
    const collector = DefaultFactCollector.create({
      providers: [spy],
      logger,
      meter: recordingMeter().meter,
    });
    await collector.collect(entity, { runId: 'run-42' });
    expect(seen[0].runId).toBe('run-42');
    expect(logger.child).toHaveBeenCalledWith({ provider: 'spy' });
  });
});
