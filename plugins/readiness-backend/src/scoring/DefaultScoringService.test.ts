import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import type { QueryEntitiesRequest } from '@backstage/catalog-client';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  createCheckPack,
  defaultChecks,
  type FactDocument,
  type RunInfo,
} from '@prodready/plugin-readiness-common';
import type { Knex } from 'knex';
import { metrics as otelMetrics } from '@opentelemetry/api';
import { testCatalog } from '../__testUtils__/catalogFixtures';
import { DatabaseReadinessStore } from '../database/DatabaseReadinessStore';
import type { LevelChange } from '../database/ReadinessStore';
import {
  CatalogFactProvider,
  DefaultFactCollector,
  type FactCollector,
} from '../facts';
import { ReadinessMetrics } from '../observability/ReadinessMetrics';
import { DefaultScoringService } from './DefaultScoringService';
import { PackIndex } from '../pack/PackIndex';

jest.setTimeout(30_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const pack = new PackIndex(createCheckPack({ checks: defaultChecks }));
const logger = mockServices.rootLogger({ level: 'none' });
const auth = mockServices.auth();

/** Facts straight from the entity: owner resolved, no repository. */
function factsOf(entity: Entity): FactDocument {
  const spec = (entity.spec ?? {}) as { owner?: string };
  const ownerRef = spec.owner ? `group:default/${spec.owner}` : undefined;
  return {
    entityRef: stringifyEntityRef(entity),
    namespaces: {
      entity: { status: 'ok', data: entity },
      owner: {
        status: 'ok',
        data: {
          ownerRef,
          resolved: !!ownerRef,
          kind: 'group',
          contacts: [{ type: 'email', label: `${spec.owner}@example.com` }],
          members: [],
        },
      },
    },
  };
}

class FakeCollector implements FactCollector {
  readonly namespaces = ['entity', 'owner'];
  inFlight = 0;
  maxInFlight = 0;
  failFor = new Set<string>();
  async collect(entity: Entity): Promise<FactDocument> {
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    await new Promise(resolve => setImmediate(resolve));
    this.inFlight -= 1;
    const ref = stringifyEntityRef(entity);
    if (this.failFor.has(ref)) {
      throw new Error('collector exploded');
    }
    return factsOf(entity);
  }
}

function component(name: string, extra: Record<string, unknown> = {}): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      ...((extra.metadata as object) ?? {}),
    },
    spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
  };
}

const withRunbook = (name: string) =>
  component(name, {
    metadata: {
      links: [
        { url: `https://wiki/${name}`, title: 'Runbook', type: 'runbook' },
      ],
    },
  });

async function setup(options: {
  entities: Entity[];
  catalog?: CatalogService;
  collector?: FactCollector;
  pageSize?: number;
  concurrency?: number;
  kinds?: string[];
  onLevelChanges?: (changes: LevelChange[]) => Promise<void>;
}) {
  const knex: Knex = await databases.init('SQLITE_3');
  const store = await DatabaseReadinessStore.create({
    database: mockServices.database({ knex }),
  });
  const catalog =
    options.catalog ?? catalogServiceMock({ entities: options.entities });
  const collector = options.collector ?? new FakeCollector();
  const service = DefaultScoringService.create({
    store,
    catalog,
    auth,
    logger,
    collector,
    pack,
    metrics: ReadinessMetrics.create(otelMetrics.getMeter('test')),
    kinds: options.kinds ?? ['Component'],
    concurrency: options.concurrency ?? 4,
    pageSize: options.pageSize ?? 2,
    historyRetentionDays: 180,
    onLevelChanges: options.onLevelChanges,
  });
  const rescore = async () => {
    const run = await store.createRun({
      trigger: 'schedule',
      claimed: true,
      now: new Date(),
    });
    return service.rescoreAll(run, new AbortController().signal);
  };
  const count = async (table: string) =>
    Number((await knex(table).count({ n: '*' }))[0].n);
  return { knex, store, service, catalog, collector, rescore, count };
}

describe('DefaultScoringService', () => {
  it('scores every entity page by page and records the run', async () => {
    const entities = [
      withRunbook('a'),
      component('b'),
      component('c'),
      component('d'),
      component('e'),
    ];
    const { store, rescore, count } = await setup({ entities });
    const run = await rescore();
    expect(run).toMatchObject({
      status: 'succeeded',
      entitiesTotal: 5,
      entitiesDone: 5,
      errors: [],
    });
    expect(await store.getRun(run.id)).toMatchObject({
      status: 'succeeded',
      entitiesDone: 5,
    });
    expect((await store.listScoredEntityRefs()).sort()).toEqual(
      ['a', 'b', 'c', 'd', 'e'].map(n => `component:default/${n}`),
    );
    expect(await count('check_results')).toBeGreaterThan(5 * 5);
    const a = await store.getScore('component:default/a');
    expect(a).toMatchObject({
      owner: 'group:default/team-a',
      kind: 'Component',
    });
    const results = await store.listResults('component:default/a');
    expect(results.find(r => r.checkId === 'runbook.runbook')?.state).toBe(
      'pass',
    );
  });

  it('writes two pages at a time, never more, and every page once', async () => {
    const entities = Array.from({ length: 9 }, (_, i) => component(`w${i}`));
    const { store, rescore } = await setup({ entities, pageSize: 2 });
    const write = store.writeScores.bind(store);
    let inFlight = 0;
    let maxInFlight = 0;
    const written: string[] = [];
    // The first write waits until a second one has started: a run that
    // wrote one page at a time would never finish.
    let secondStarted: () => void = () => {};
    const second = new Promise<void>(resolve => {
      secondStarted = resolve;
    });
    jest.spyOn(store, 'writeScores').mockImplementation(async (items, now) => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      if (inFlight === 2) {
        secondStarted();
      }
      try {
        await second;
        written.push(...items.map(i => i.summary.entityRef));
        return await write(items, now);
      } finally {
        inFlight -= 1;
      }
    });
    const run = await rescore();
    expect(run).toMatchObject({ status: 'succeeded', entitiesDone: 9 });
    expect(maxInFlight).toBe(2);
    expect(written.sort()).toEqual(
      entities.map(e => `component:default/${e.metadata.name}`).sort(),
    );
    expect(await store.listScoredEntityRefs()).toHaveLength(9);
  });

  it('pages the catalog with cursors, never all at once', async () => {
    const entities = Array.from({ length: 7 }, (_, i) => component(`c${i}`));
    const inner = catalogServiceMock({ entities });
    const requests: QueryEntitiesRequest[] = [];
    const catalog = {
      ...inner,
      queryEntities: async (request?: QueryEntitiesRequest) => {
        requests.push(request!);
        return inner.queryEntities(request);
      },
    } as unknown as CatalogService;
    const { rescore } = await setup({ entities, catalog, pageSize: 3 });
    await rescore();
    expect(requests).toHaveLength(3);
    expect(requests[0]).toMatchObject({
      limit: 3,
      filter: { kind: ['Component'] },
    });
    expect(requests[1]).toMatchObject({ limit: 3, cursor: expect.any(String) });
    expect(requests[2]).toMatchObject({ limit: 3, cursor: expect.any(String) });
  });

  it('collects facts with bounded concurrency', async () => {
    const entities = Array.from({ length: 20 }, (_, i) => component(`c${i}`));
    const collector = new FakeCollector();
    const { rescore } = await setup({
      entities,
      collector,
      pageSize: 20,
      concurrency: 3,
    });
    await rescore();
    expect(collector.maxInFlight).toBe(3);
  });

  it('writes no history when nothing changed, and one row per state change', async () => {
    let current = [component('a'), component('b'), component('c')];
    const catalog = {
      queryEntities: (request?: QueryEntitiesRequest) =>
        catalogServiceMock({ entities: current }).queryEntities(request),
    } as unknown as CatalogService;
    const { rescore, count, store } = await setup({
      entities: current,
      catalog,
    });
    await rescore();
    expect(await count('check_history')).toBe(0);
    const resultRows = await count('check_results');

    await rescore();
    expect(await count('check_history')).toBe(0);
    expect(await count('check_results')).toBe(resultRows);

    // b gains a runbook: exactly one state change.
    current = [component('a'), withRunbook('b'), component('c')];
    await rescore();
    expect(await count('check_history')).toBe(1);
    expect(await store.listHistory('component:default/b', 5)).toEqual([
      expect.objectContaining({
        checkId: 'runbook.runbook',
        from: 'fail',
        to: 'pass',
      }),
    ]);
  });

  it('removes entities gone from the catalog only after a complete run, keeping their history', async () => {
    const entities = [component('a'), component('b')];
    let current = entities;
    const catalog = {
      queryEntities: (request?: QueryEntitiesRequest) =>
        catalogServiceMock({ entities: current }).queryEntities(request),
    } as unknown as CatalogService;
    const { store, rescore, knex } = await setup({ entities, catalog });
    await rescore();
    current = [withRunbook('a')];
    await rescore();
    await knex('check_history').insert({
      entity_ref: 'component:default/b',
      check_id: 'runbook.runbook',
      from_state: 'fail',
      to_state: 'pass',
      at: new Date().toISOString(),
    });
    expect(await store.listScoredEntityRefs()).toEqual(['component:default/a']);
    expect(await store.getScore('component:default/b')).toBeUndefined();
    expect(await store.listHistory('component:default/b', 5)).toHaveLength(1);
  });

  it('leaves previous results intact when a rescore dies half-way', async () => {
    const entities = [
      component('a'),
      component('b'),
      component('c'),
      component('d'),
    ];
    let failSecondPage = false;
    const inner = catalogServiceMock({ entities });
    const catalog = {
      queryEntities: async (request?: QueryEntitiesRequest) => {
        if (failSecondPage && request && 'cursor' in request) {
          throw new Error('catalog went away');
        }
        return inner.queryEntities(request);
      },
    } as unknown as CatalogService;
    const { store, rescore, knex } = await setup({
      entities,
      catalog,
      pageSize: 2,
    });
    await rescore();
    const before = await knex('check_results').orderBy([
      'entity_ref',
      'check_id',
    ]);
    const scoresBefore = await knex('entity_scores').orderBy('entity_ref');

    failSecondPage = true;
    const failed = await rescore();
    expect(failed.status).toBe('failed');
    expect(failed.entitiesDone).toBe(2);
    expect(failed.errors[failed.errors.length - 1]).toMatch(
      /catalog went away/,
    );
    expect(await store.getRun(failed.id)).toMatchObject({ status: 'failed' });

    // Nothing was removed and nothing changed: c and d keep their results.
    expect(
      await knex('check_results').orderBy(['entity_ref', 'check_id']),
    ).toEqual(before);
    const scoresAfter = await knex('entity_scores').orderBy('entity_ref');
    expect(scoresAfter.map(s => s.entity_ref)).toEqual(
      scoresBefore.map(s => s.entity_ref),
    );
    expect(
      scoresAfter.filter(s =>
        ['component:default/c', 'component:default/d'].includes(s.entity_ref),
      ),
    ).toEqual(
      scoresBefore.filter(s =>
        ['component:default/c', 'component:default/d'].includes(s.entity_ref),
      ),
    );
  });

  it('ends failed with the reason when the database fails mid-run, and the next run starts', async () => {
    const entities = ['a', 'b', 'c', 'd'].map(n => component(n));
    const { store, rescore } = await setup({ entities, pageSize: 2 });
    const outage = new Error('Connection terminated unexpectedly');
    let writes = 0;
    let down = false;
    const writeScores = store.writeScores.bind(store);
    const updateRun = store.updateRun.bind(store);
    jest.spyOn(store, 'writeScores').mockImplementation(async (items, now) => {
      writes += 1;
      if (writes === 2) {
        down = true;
      }
      if (down) {
        throw outage;
      }
      return writeScores(items, now);
    });
    jest.spyOn(store, 'updateRun').mockImplementation(async (id, update) => {
      if (down) {
        throw outage;
      }
      return updateRun(id, update);
    });

    const failed = await rescore();
    expect(failed.status).toBe('failed');
    expect(failed.entitiesDone).toBe(2);
    expect(failed.errors[failed.errors.length - 1]).toBe(
      'Run failed: Connection terminated unexpectedly',
    );

    // The database is back. The end could not be recorded: without a
    // heartbeat the run is marked failed, and the next one starts.
    down = false;
    expect(await store.getRun(failed.id)).toMatchObject({ status: 'running' });
    expect(
      await store.failStaleRuns(new Date(Date.now() + 1), new Date()),
    ).toBe(1);
    expect(await store.getRun(failed.id)).toMatchObject({ status: 'failed' });
    expect(await rescore()).toMatchObject({
      status: 'succeeded',
      entitiesDone: 4,
    });
  });

  it('ends failed when aborted while a database call hangs', async () => {
    const entities = ['a', 'b', 'c', 'd'].map(n => component(n));
    const { store, service } = await setup({ entities, pageSize: 2 });
    const writeScores = store.writeScores.bind(store);
    let writes = 0;
    jest.spyOn(store, 'writeScores').mockImplementation((items, now) => {
      writes += 1;
      // The connection is gone and the second write never answers.
      return writes === 2 ? new Promise(() => {}) : writeScores(items, now);
    });
    const run = await store.createRun({
      trigger: 'schedule',
      claimed: true,
      now: new Date(),
    });
    const controller = new AbortController();
    setTimeout(
      () =>
        controller.abort(
          new Error('Lost the database: no heartbeat recorded since then'),
        ),
      200,
    );
    const outcome = await service.rescoreAll(run, controller.signal);
    expect(outcome.status).toBe('failed');
    expect(outcome.errors[outcome.errors.length - 1]).toBe(
      'Run failed: Lost the database: no heartbeat recorded since then',
    );
    expect(await store.getRun(run.id)).toMatchObject({ status: 'failed' });
  });

  it('keeps an entity whose facts could not be collected, and records the error', async () => {
    const entities = [component('a'), component('b')];
    const collector = new FakeCollector();
    const { store, rescore } = await setup({ entities, collector });
    await rescore();
    const before = await store.listResults('component:default/b');
    collector.failFor.add('component:default/b');
    const run = await rescore();
    expect(run.status).toBe('succeeded');
    expect(run.errors).toEqual(['component:default/b: collector exploded']);
    expect(await store.listResults('component:default/b')).toEqual(before);
    expect(await store.listScoredEntityRefs()).toContain('component:default/b');
  });

  it('does not score entities to which no check applies', async () => {
    const group: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: 'team-a', namespace: 'default' },
      spec: { type: 'team', children: [] },
    };
    const { store, rescore } = await setup({
      entities: [component('a'), group],
      kinds: ['Component', 'Group'],
    });
    const run = await rescore();
    expect(run.entitiesDone).toBe(2);
    expect(await store.listScoredEntityRefs()).toEqual(['component:default/a']);
  });

  it('applies active exemptions and ignores expired ones', async () => {
    const { store, rescore } = await setup({ entities: [component('a')] });
    const base = {
      entityRef: 'component:default/a',
      reason: 'batch job',
      author: 'user:default/jane',
      createdAt: new Date().toISOString(),
    };
    await store.createExemption({
      ...base,
      id: 'active',
      checkId: 'runbook.runbook',
    });
    await store.createExemption({
      ...base,
      id: 'expired',
      checkId: 'logging.logs',
      expiresAt: new Date(Date.now() - 1000).toISOString(),
    });
    await rescore();
    const results = await store.listResults('component:default/a');
    expect(results.find(r => r.checkId === 'runbook.runbook')).toMatchObject({
      state: 'exempt',
      exemption: { id: 'active' },
    });
    expect(results.find(r => r.checkId === 'logging.logs')?.state).toBe('fail');
  });

  it('reports level changes of entities scored before, and survives a failing listener', async () => {
    const reported: LevelChange[][] = [];
    const { store, rescore } = await setup({
      entities: [component('a')],
      onLevelChanges: async changes => {
        reported.push(changes);
        throw new Error('notifications are down');
      },
    });
    await rescore();
    // First scoring: nothing to change from.
    expect(reported).toEqual([]);

    const failing = (await store.listResults('component:default/a')).filter(
      r => r.state === 'fail',
    );
    expect(failing.length).toBeGreaterThan(0);
    for (const result of failing) {
      await store.createExemption({
        id: `x-${result.checkId}`,
        entityRef: 'component:default/a',
        checkId: result.checkId,
        reason: 'test',
        author: 'user:default/jane',
        createdAt: new Date().toISOString(),
      });
    }
    const risen = await rescore();
    expect(risen.status).toBe('succeeded');
    expect(reported).toEqual([
      [
        expect.objectContaining({
          entityRef: 'component:default/a',
          owner: 'group:default/team-a',
          rose: true,
          failingCheckIds: [],
        }),
      ],
    ]);

    for (const result of failing) {
      await store.deleteExemption(`x-${result.checkId}`);
    }
    await rescore();
    expect(reported[1]).toEqual([
      expect.objectContaining({
        rose: false,
        failingCheckIds: expect.arrayContaining(failing.map(r => r.checkId)),
      }),
    ]);
    expect(reported[1][0].failingCheckIds).toHaveLength(failing.length);
  });

  it('scores one entity on demand as an entity run', async () => {
    const { store, service } = await setup({ entities: [] });
    await service.scoreEntity(withRunbook('solo'));
    expect(await store.getScore('component:default/solo')).toBeDefined();
    const [run] = await store.listRuns(1);
    expect(run).toMatchObject({
      trigger: 'entity',
      status: 'succeeded',
      entitiesDone: 1,
    });
  });

  it('makes only the checks that read a failing provider unknown, with the reason', async () => {
    const entity = component('a', {
      metadata: {
        // A CI system's annotation decides CI from the catalog alone.
        annotations: { 'jenkins.io/job-full-name': 'example/a' },
        links: [{ url: 'https://logs/a', title: 'Logs', type: 'logs' }],
      },
    });
    const catalog = catalogServiceMock({
      entities: [...testCatalog.filter(e => e.kind === 'Group'), entity],
    });
    const collector = DefaultFactCollector.create({
      providers: [
        CatalogFactProvider.create({ catalog, auth, logger }),
        {
          id: 'repository',
          namespaces: ['repository'],
          async collect() {
            throw new Error('connect ETIMEDOUT github.example.com');
          },
        },
      ],
      logger,
    });
    const { store, rescore } = await setup({
      entities: [entity],
      catalog,
      collector,
    });
    await rescore();
    const results = await store.listResults('component:default/a');
    const byId = new Map(results.map(r => [r.checkId, r]));
    // Needs the repository and cannot decide without it.
    expect(byId.get('runbook.runbook')).toMatchObject({
      state: 'unknown',
      reason: expect.stringContaining('ETIMEDOUT'),
    });
    // Decided from the catalog alone.
    expect(byId.get('logging.logs')?.state).toBe('pass');
    expect(byId.get('delivery.ci')?.state).toBe('pass');
    expect(byId.get('ownership.owner-resolves')?.state).toBe('pass');
    // Every unknown result is of a check that reads the repository or metrics.
    const unexplained = results.filter(result => {
      const info = pack.checkInfo(result.checkId);
      const reads = [...(info?.requires ?? []), ...(info?.optional ?? [])];
      return (
        result.state === 'unknown' &&
        !reads.includes('repository') &&
        !reads.includes('metrics')
      );
    });
    expect(unexplained).toEqual([]);
  });
});

describe('DefaultScoringService observability', () => {
  it('records the rescore duration, scored entities and a span per run', async () => {
    const recorded: Array<[string, number, Record<string, unknown>?]> = [];
    const instrument = (name: string) => ({
      record: (value: number, attrs?: Record<string, unknown>) =>
        recorded.push([name, value, attrs]),
      add: (value: number, attrs?: Record<string, unknown>) =>
        recorded.push([name, value, attrs]),
      addCallback: () => undefined,
    });
    const meter = {
      createHistogram: instrument,
      createCounter: instrument,
      createUpDownCounter: instrument,
      createObservableGauge: instrument,
    };
    const spans: Array<{
      name: string;
      ended: boolean;
      attributes: Record<string, unknown>;
    }> = [];
    const tracer = {
      startActiveSpan: (name: string, fn: (span: unknown) => unknown) => {
        const span = {
          name,
          ended: false,
          attributes: {} as Record<string, unknown>,
          setAttribute(key: string, value: unknown) {
            span.attributes[key] = value;
          },
          setStatus: () => undefined,
          end() {
            span.ended = true;
          },
        };
        spans.push(span);
        return fn(span);
      },
    };
    const knex = await databases.init('SQLITE_3');
    const store = await DatabaseReadinessStore.create({
      database: mockServices.database({ knex }),
    });
    const service = DefaultScoringService.create({
      store,
      catalog: catalogServiceMock({
        entities: [component('a'), component('b')],
      }),
      auth,
      logger,
      collector: new FakeCollector(),
      pack,
      metrics: ReadinessMetrics.create(meter as never, tracer as never),
      kinds: ['Component'],
      concurrency: 2,
      pageSize: 10,
      historyRetentionDays: 180,
    });
    const run: RunInfo = await store.createRun({
      trigger: 'schedule',
      claimed: true,
      now: new Date(),
    });
    await service.rescoreAll(run, new AbortController().signal);
    expect(spans).toEqual([
      expect.objectContaining({
        name: 'readiness.rescore',
        ended: true,
        attributes: expect.objectContaining({
          'readiness.run.id': run.id,
          'readiness.entities': 2,
        }),
      }),
    ]);
    expect(
      recorded.filter(([name]) => name === 'readiness.rescore.duration'),
    ).toEqual([
      [
        'readiness.rescore.duration',
        expect.any(Number),
        { outcome: 'succeeded' },
      ],
    ]);
    expect(
      recorded.filter(([name]) => name === 'readiness.rescore.entities'),
    ).toEqual([['readiness.rescore.entities', 2, { trigger: 'schedule' }]]);
    expect(
      recorded.filter(([name]) => name === 'readiness.facts.duration'),
    ).toHaveLength(2);
  });
});
