import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  createCheckPack,
  defaultChecks,
} from '@prodready/plugin-readiness-common';
import type { Knex } from 'knex';
import { metrics as otelMetrics } from '@opentelemetry/api';
import { testCatalog } from '../__testUtils__/catalogFixtures';
import { DatabaseReadinessStore } from '../database/DatabaseReadinessStore';
import { CatalogFactProvider, DefaultFactCollector } from '../facts';
import { ReadinessMetrics } from '../observability/ReadinessMetrics';
import { PackIndex } from '../pack/PackIndex';
import { DefaultScoringService } from './DefaultScoringService';
import { ShardedRescore } from './ShardedRescore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const pack = new PackIndex(createCheckPack({ checks: defaultChecks }));
const logger = mockServices.rootLogger({ level: 'none' });
const auth = mockServices.auth();
const groups = testCatalog.filter(e => e.kind === 'Group');

function component(name: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default' },
    spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
  };
}

const components = Array.from({ length: 23 }, (_, i) =>
  component(`svc-${String(i).padStart(2, '0')}`),
);

/**
 * A catalog double that can answer errors for `getEntitiesByRefs`
 * (`failFetches` times) and hold a fetch until released.
 */
class FaultyCatalog {
  entities: Entity[];
  failFetches = 0;
  fetches = 0;
  constructor(entities: Entity[]) {
    this.entities = entities;
  }
  service(): CatalogService {
    const inner = () => catalogServiceMock({ entities: this.entities });
    return new Proxy({} as CatalogService, {
      get: (_, prop) => {
        if (prop === 'getEntitiesByRefs') {
          return async (
            ...args: Parameters<CatalogService['getEntitiesByRefs']>
          ) => {
            const [request] = args;
            if (!request.fields) {
              this.fetches += 1;
              if (this.failFetches > 0) {
                this.failFetches -= 1;
                throw new Error('catalog answered 503 Service Unavailable');
              }
            }
            return inner().getEntitiesByRefs(...args);
          };
        }
        const target = inner() as unknown as Record<string | symbol, unknown>;
        const value = target[prop];
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  }
}

async function setup(options: {
  catalog: FaultyCatalog;
  providerDelayMs?: number;
  leaseMs?: number;
  now?: () => Date;
}) {
  const knex: Knex = await databases.init('SQLITE_3');
  const store = await DatabaseReadinessStore.create({
    database: mockServices.database({ knex }),
  });
  const catalog = options.catalog.service();
  const collector = DefaultFactCollector.create({
    providers: [
      CatalogFactProvider.create({ catalog, auth, logger }),
      {
        id: 'prometheus',
        namespaces: ['metrics'],
        async collect(_entity, { signal }) {
          // Prometheus slow: answers after the collector's timeout.
          await new Promise(resolve => {
            const timer = setTimeout(resolve, options.providerDelayMs ?? 0);
            signal?.addEventListener('abort', () => {
              clearTimeout(timer);
              resolve(undefined);
            });
          });
          return { metrics: { status: 'ok', data: {} } };
        },
      },
    ],
    logger,
    timeoutMs: 300,
  });
  const scoring = DefaultScoringService.create({
    store,
    catalog,
    auth,
    logger,
    collector,
    pack,
    metrics: ReadinessMetrics.create(otelMetrics.getMeter('test')),
    kinds: ['Component'],
    concurrency: 4,
    pageSize: 10,
    historyRetentionDays: 180,
  });
  /** A replica; `own` is a catalog of its own (its network to it). */
  const replica = (owner: string, own?: FaultyCatalog) =>
    ShardedRescore.create({
      scoring,
      store,
      catalog: own ? own.service() : catalog,
      auth,
      logger,
      kinds: ['Component'],
      pageSize: 10,
      shardSize: 5,
      concurrency: 4,
      owner,
      heartbeatIntervalMs: 50,
      leaseMs: options.leaseMs ?? 60_000,
      pollIntervalMs: 20,
      now: options.now,
    });
  const createRun = () =>
    store.createRun({ trigger: 'manual', claimed: true, now: new Date() });
  return { knex, store, scoring, replica, createRun };
}

const signal = () => new AbortController().signal;

describe('ShardedRescore', () => {
  it('splits a run into shards that two replicas share, and completes it once', async () => {
    const catalog = new FaultyCatalog([...groups, ...components]);
    const { knex, store, replica, createRun } = await setup({ catalog });
    const a = replica('replica-a');
    const b = replica('replica-b');
    const run = await createRun();
    const setResultCounts = jest.spyOn(
      ReadinessMetrics.prototype,
      'setResultCounts',
    );

    const claimedBy: string[] = [];
    const claim = store.claimShard.bind(store);
    jest.spyOn(store, 'claimShard').mockImplementation(async options => {
      const claimed = await claim(options);
      if (claimed && claimed.shard >= 0) {
        claimedBy.push(claimed.owner);
      }
      return claimed;
    });
    const planned = a.rescoreAll(run, signal());
    // B works as its shard task does, until the run has ended.
    const worker = (async () => {
      while ((await store.getRun(run.id))?.status === 'running') {
        await b.workShards(signal());
        await new Promise(resolve => setTimeout(resolve, 5));
      }
    })();
    const outcome = await planned;
    await worker;

    expect(outcome).toMatchObject({
      status: 'succeeded',
      entitiesTotal: 23,
      entitiesDone: 23,
    });
    // 23 entities in shards of 5: 5 shards, each scored exactly once.
    expect(claimedBy).toHaveLength(5);
    // The results gauge counts every stored result, not one replica's part.
    const [{ n: stored }] = await knex('check_results').count({ n: '*' });
    const counts = setResultCounts.mock.calls.at(-1)![0];
    expect(Object.values(counts).reduce((x, y) => x + (y ?? 0), 0)).toBe(
      Number(stored),
    );
    expect(await store.listScoredEntityRefs()).toHaveLength(23);
    // Shards of ended runs are cleaned up.
    expect(await knex('run_shards').count({ n: '*' })).toEqual([{ n: 0 }]);
  });

  it('keeps a finished run succeeded when the replica is stopped right after it', async () => {
    const catalog = new FaultyCatalog([...groups, ...components]);
    const { store, replica, createRun } = await setup({ catalog });
    const a = replica('replica-a');
    const run = await createRun();
    const controller = new AbortController();
    const workShards = a.workShards.bind(a);
    jest.spyOn(a, 'workShards').mockImplementation(async workSignal => {
      const worked = await workShards(workSignal);
      // The backend shuts down just after the last shard finalized the run.
      if ((await store.getRun(run.id))?.status !== 'running') {
        controller.abort(new Error('Rescore aborted'));
        throw new Error('Rescore aborted');
      }
      return worked;
    });

    const outcome = await a.rescoreAll(run, controller.signal);

    expect(outcome).toMatchObject({ status: 'succeeded', entitiesDone: 23 });
    expect(await store.getRun(run.id)).toMatchObject({
      status: 'succeeded',
      errors: [],
    });
  });

  it('takes over the shard of a replica that died mid-shard once its lease expired', async () => {
    const catalog = new FaultyCatalog([...groups, ...components]);
    // The replicas' clock: the lease expires when the test says so.
    let clock = Date.now();
    const { store, replica, createRun } = await setup({
      catalog,
      leaseMs: 60_000,
      now: () => new Date(clock),
    });
    const run = await createRun();
    await store.createShards(run.id, [
      components.slice(0, 10).map(e => `component:default/${e.metadata.name}`),
      components.slice(10).map(e => `component:default/${e.metadata.name}`),
    ]);
    // The dead replica claimed shard 0 and then stopped (no heartbeat).
    const dead = await store.claimShard({
      owner: 'dead',
      now: new Date(clock),
      leaseExpiredBefore: new Date(0),
      maxAttempts: 5,
    });
    expect(dead).toMatchObject({ shard: 0, owner: 'dead', attempts: 1 });

    const b = replica('replica-b');
    // Before the lease expires only shard 1 can be claimed.
    expect(await b.workShards(signal())).toBe(1);
    expect((await store.getRun(run.id))?.status).toBe('running');

    clock += 60_001;
    // Shard 0 (second attempt) and then the finalization.
    expect(await b.workShards(signal())).toBe(2);
    expect(await store.getRun(run.id)).toMatchObject({
      status: 'succeeded',
      entitiesDone: 23,
      errors: [expect.stringMatching(/^Shard 0 taken over from dead/)],
    });
    expect(await store.listScoredEntityRefs()).toHaveLength(23);
    // The dead replica's late completion is refused: it no longer owns it.
    expect(
      await store.completeShard(
        dead!,
        { entitiesDone: 10, errors: [], gone: [] },
        new Date(),
      ),
    ).toBe(false);
    expect((await store.getRun(run.id))?.entitiesDone).toBe(23);
  });

  it('retries the shards the catalog answered errors for, keeps the last results, and completes', async () => {
    const catalog = new FaultyCatalog([...groups, ...components]);
    const { knex, replica, createRun } = await setup({ catalog });
    const a = replica('replica-a');
    const first = await a.rescoreAll(await createRun(), signal());
    expect(first.status).toBe('succeeded');
    const before = await knex('check_results').orderBy([
      'entity_ref',
      'check_id',
    ]);
    const historyBefore = await knex('check_history').count({ n: '*' });

    catalog.failFetches = 3;
    const second = await a.rescoreAll(await createRun(), signal());
    expect(second).toMatchObject({ status: 'succeeded', entitiesDone: 23 });
    expect(second.errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^Shard \d \(attempt 1 .*503 Service Unavailable/,
        ),
      ]),
    );
    expect(catalog.fetches).toBeGreaterThanOrEqual(5 + 5 + 3);
    // Nothing changed in the catalog: same results, no history written.
    expect(
      await knex('check_results').orderBy(['entity_ref', 'check_id']),
    ).toEqual(before);
    expect(await knex('check_history').count({ n: '*' })).toEqual(
      historyBefore,
    );
  });

  it('completes on the other replica the shards of a replica whose catalog answers errors mid-run', async () => {
    const healthy = new FaultyCatalog([...groups, ...components]);
    const { knex, store, replica, createRun } = await setup({
      catalog: healthy,
    });
    const first = await replica('replica-b').rescoreAll(
      await createRun(),
      signal(),
    );
    expect(first.status).toBe('succeeded');
    const before = await knex('check_results').orderBy([
      'entity_ref',
      'check_id',
    ]);
    const historyBefore = await knex('check_history').count({ n: '*' });

    // A plans the run (its ref listing answers), then its catalog answers
    // 503 to every fetch of entities: each shard it claims goes back, and
    // B, working as its shard task does, ends them.
    const broken = new FaultyCatalog([...groups, ...components]);
    broken.failFetches = 1000;
    const a = replica('replica-a', broken);
    const b = replica('replica-b');
    const run = await createRun();
    const planned = a.rescoreAll(run, signal());
    const worker = (async () => {
      while ((await store.getRun(run.id))?.status === 'running') {
        await b.workShards(signal());
        await new Promise(resolve => setTimeout(resolve, 5));
      }
    })();
    const outcome = await planned;
    await worker;
    expect(broken.fetches).toBeGreaterThanOrEqual(1);
    expect(outcome).toMatchObject({
      status: 'succeeded',
      entitiesTotal: 23,
      entitiesDone: 23,
    });
    expect(outcome.errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^Shard \d \(attempt 1 by replica-a\): .*503 Service Unavailable/,
        ),
      ]),
    );
    // Unchanged catalog: the last good results stay, no history written.
    expect(
      await knex('check_results').orderBy(['entity_ref', 'check_id']),
    ).toEqual(before);
    expect(await knex('check_history').count({ n: '*' })).toEqual(
      historyBefore,
    );
  });

  it('fails a run whose shard keeps failing, with the reason, and removes nothing', async () => {
    const catalog = new FaultyCatalog([...groups, ...components]);
    const { store, replica, createRun } = await setup({ catalog });
    const a = replica('replica-a');
    await a.rescoreAll(await createRun(), signal());
    catalog.entities = [...groups, ...components.slice(0, 20)];
    catalog.failFetches = 1000;
    const run = await a.rescoreAll(await createRun(), signal());
    expect(run.status).toBe('failed');
    expect(run.errors[run.errors.length - 1]).toMatch(
      /^Run failed: 4 of 4 shards failed; their entities keep their last results/,
    );
    // The three entities gone from the catalog stay until a complete run.
    expect(await store.listScoredEntityRefs()).toHaveLength(23);

    catalog.failFetches = 0;
    const next = await a.rescoreAll(await createRun(), signal());
    expect(next).toMatchObject({ status: 'succeeded', entitiesDone: 20 });
    expect(await store.listScoredEntityRefs()).toHaveLength(20);
  });

  it('marks what a slow Prometheus could not answer unknown with the reason, and completes', async () => {
    const catalog = new FaultyCatalog([...groups, ...components.slice(0, 6)]);
    const { store, replica, createRun } = await setup({
      catalog,
      providerDelayMs: 5_000,
    });
    const run = await replica('replica-a').rescoreAll(
      await createRun(),
      signal(),
    );
    expect(run).toMatchObject({ status: 'succeeded', entitiesDone: 6 });
    const results = await store.listResults('component:default/svc-00');
    const metricChecks = results.filter(r => {
      const info = pack.checkInfo(r.checkId);
      return (info?.requires ?? []).includes('metrics');
    });
    expect(metricChecks.length).toBeGreaterThan(0);
    for (const result of metricChecks) {
      expect(result.state).toBe('unknown');
      expect(result.reason).toMatch(/prometheus|timed out|time/i);
    }
  });
});
