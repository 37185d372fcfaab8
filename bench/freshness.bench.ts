/*
 * Freshness benchmark (issue 13): the time from a new entity in the catalog
 * to its scorecard, with no full rescore, at 10,000 entities (target p95 ≤
 * 10 s), and the cost of a delta pass that finds nothing to do.
 *
 *   npm run bench -- freshness [--entities 50000]
 *
 * In one process: a synthetic catalog (bench/syntheticCatalog.ts) served by
 * the catalog client's in-memory double with an etag per entity, the real
 * fact collector (catalog facts), the default check pack and the knex store
 * on SQLite in memory. The delta pass (plugins/readiness-backend
 * `CatalogDeltaPass`) runs every 5 seconds, one pass after the other, as the
 * global scheduler task does; the first pass scores the whole catalog (what
 * happens while the catalog ingests after a start). Then, 20 times, a new
 * component is added at a random moment and the store is polled every 50 ms
 * until its scorecard is there. Not measured here: the catalog's own
 * processing delay before an entity appears in its API (the stack
 * benchmark's catalog-change row covers the whole path).
 */
import { performance } from 'node:perf_hooks';
import knexFactory from 'knex';
import type { Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { mockServices } from '@backstage/backend-test-utils';
import { metrics as otelMetrics } from '@opentelemetry/api';
import {
  createCheckPack,
  defaultChecks,
} from '../plugins/readiness-common/src';
import { DatabaseReadinessStore } from '../plugins/readiness-backend/src/database/DatabaseReadinessStore';
import {
  CatalogFactProvider,
  DefaultFactCollector,
} from '../plugins/readiness-backend/src/facts';
import { ReadinessMetrics } from '../plugins/readiness-backend/src/observability/ReadinessMetrics';
import { PackIndex } from '../plugins/readiness-backend/src/pack/PackIndex';
import { CatalogDeltaPass } from '../plugins/readiness-backend/src/scoring/CatalogDeltaPass';
import { DefaultScoringService } from '../plugins/readiness-backend/src/scoring/DefaultScoringService';
import type { BenchRow } from './run';
import { generateSyntheticCatalog } from './syntheticCatalog';

const INTERVAL_MS = 5_000;
const SAMPLES = 20;
const KINDS = ['Component', 'API', 'Resource', 'System'];

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[
    Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  ];
}

function sleep(ms: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, ms));
}

export async function run(): Promise<BenchRow[]> {
  const size = Number(process.env.BENCH_ENTITIES ?? 10_000);
  let entities: Entity[] = generateSyntheticCatalog({ entities: size }).map(
    (entity, i) => ({
      ...entity,
      metadata: { ...entity.metadata, etag: `e${i}` },
    }),
  );
  // The double is rebuilt only when the catalog changes.
  let current = catalogServiceMock({ entities });
  const catalog = new Proxy({} as CatalogService, {
    get: (_, prop) => {
      const target = current as unknown as Record<string | symbol, unknown>;
      const value = target[prop];
      return typeof value === 'function' ? value.bind(current) : value;
    },
  });
  const logger = mockServices.rootLogger({ level: 'none' });
  const auth = mockServices.auth();
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: ':memory:',
    useNullAsDefault: true,
  });
  const store = await DatabaseReadinessStore.create({
    database: mockServices.database({ knex }),
  });
  const scoring = DefaultScoringService.create({
    store,
    catalog,
    auth,
    logger,
    collector: DefaultFactCollector.create({
      providers: [CatalogFactProvider.create({ catalog, auth, logger })],
      logger,
    }),
    pack: new PackIndex(createCheckPack({ checks: defaultChecks })),
    metrics: ReadinessMetrics.create(otelMetrics.getMeter('bench')),
    kinds: KINDS,
    concurrency: 8,
    pageSize: 500,
    historyRetentionDays: 180,
  });
  const delta = CatalogDeltaPass.create({
    store,
    catalog,
    auth,
    logger,
    scorer: scoring.scorer,
    kinds: KINDS,
    concurrency: 8,
    maxPerPass: size * 2,
  });
  const signal = new AbortController().signal;

  const firstStarted = performance.now();
  const first = await delta.run(signal);
  const firstSeconds = (performance.now() - firstStarted) / 1000;

  // The scheduler: one pass every INTERVAL_MS, never two at once.
  const idlePasses: number[] = [];
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const started = performance.now();
      const outcome = await delta.run(signal);
      const ms = performance.now() - started;
      if (outcome.changed === 0) {
        idlePasses.push(ms);
      }
      await sleep(Math.max(0, INTERVAL_MS - ms));
    }
  })();

  const latencies: number[] = [];
  for (let i = 0; i < SAMPLES; i += 1) {
    await sleep(Math.random() * INTERVAL_MS);
    const name = `fresh-${i}`;
    entities = [
      ...entities,
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name, namespace: 'default', etag: `fresh-${i}` },
        spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
      },
    ];
    current = catalogServiceMock({ entities });
    const added = performance.now();
    while (!(await store.getScore(`component:default/${name}`))) {
      await sleep(50);
    }
    latencies.push(performance.now() - added);
  }
  stopped = true;
  await loop;
  await knex.destroy();

  return [
    {
      benchmark: 'freshness: first delta pass scores the catalog',
      entities: first.scored,
      seconds: firstSeconds,
      entitiesPerSecond: Math.round(first.scored / firstSeconds),
    },
    {
      benchmark: `freshness: new entity → scorecard (pass every ${
        INTERVAL_MS / 1000
      } s)`,
      entities: size,
      p50Ms: percentile(latencies, 50),
      p95Ms: percentile(latencies, 95),
      note: `new entity to scorecard at ${size} entities over ${SAMPLES} samples: p95 ${(
        percentile(latencies, 95) / 1000
      ).toFixed(1)} s (target ≤ 10 s), no full rescore`,
    },
    {
      benchmark: 'freshness: delta pass with nothing new',
      entities: size,
      p50Ms: percentile(idlePasses, 50),
      p95Ms: percentile(idlePasses, 95),
    },
  ];
}
