import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  createCheckPack,
  defaultChecks,
} from '@prodready/plugin-readiness-common';
import { metrics as otelMetrics } from '@opentelemetry/api';
import { testCatalog } from '../__testUtils__/catalogFixtures';
import { DatabaseReadinessStore } from '../database/DatabaseReadinessStore';
import { DependencyFactProvider } from '../dependencies/DependencyFactProvider';
import {
  DEPENDENCY_RISK_CHECK_ID,
  dependencyRiskCheck,
} from '../dependencies/dependencyRiskCheck';
import { CatalogFactProvider, DefaultFactCollector } from '../facts';
import { ReadinessMetrics } from '../observability/ReadinessMetrics';
import { PackIndex } from '../pack/PackIndex';
import { CatalogDeltaPass } from './CatalogDeltaPass';
import { DefaultScoringService } from './DefaultScoringService';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const pack = new PackIndex(createCheckPack({ checks: defaultChecks }));
const packWithDependencies = new PackIndex(
  createCheckPack({
    checks: [...defaultChecks, dependencyRiskCheck({ level: 'silver' })],
  }),
);
const logger = mockServices.rootLogger({ level: 'none' });
const auth = mockServices.auth();
const groups = testCatalog.filter(e => e.kind === 'Group');

function component(name: string, etag: string, runbook = false): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      etag,
      ...(runbook
        ? {
            links: [
              {
                url: `https://wiki/${name}`,
                title: 'Runbook',
                type: 'runbook',
              },
            ],
          }
        : {}),
    },
    spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
  };
}

async function setup(
  initial: Entity[],
  options: { dependencies?: boolean } = {},
) {
  let entities = initial;
  const requests: string[] = [];
  // The catalog as it is now; records what the pass asks for.
  const catalog = new Proxy({} as CatalogService, {
    get: (_, prop: string) => {
      const target = catalogServiceMock({ entities }) as unknown as Record<
        string,
        (...args: unknown[]) => unknown
      >;
      return (...args: unknown[]) => {
        requests.push(prop);
        return target[prop](...args);
      };
    },
  });
  const knex = await databases.init('SQLITE_3');
  const store = await DatabaseReadinessStore.create({
    database: mockServices.database({ knex }),
  });
  const scoringPack = options.dependencies ? packWithDependencies : pack;
  const scoring = DefaultScoringService.create({
    store,
    catalog,
    auth,
    logger,
    collector: DefaultFactCollector.create({
      providers: [
        CatalogFactProvider.create({ catalog, auth, logger }),
        ...(options.dependencies
          ? [
              DependencyFactProvider.create({
                store,
                pack: scoringPack,
                policy: { minimumLevel: 'bronze', minimumLevelByTier: {} },
              }),
            ]
          : []),
      ],
      logger,
    }),
    pack: scoringPack,
    rescoreDependents: {
      dependencies: options.dependencies ?? false,
      wholes: false,
    },
    metrics: ReadinessMetrics.create(otelMetrics.getMeter('test')),
    kinds: ['Component'],
    concurrency: 4,
    pageSize: 500,
    historyRetentionDays: 180,
  });
  const delta = CatalogDeltaPass.create({
    store,
    catalog,
    auth,
    logger,
    scorer: scoring.scorer,
    kinds: ['Component'],
    concurrency: 4,
  });
  return {
    store,
    knex,
    requests,
    scoring,
    pass: () => delta.run(new AbortController().signal),
    setCatalog: (next: Entity[]) => {
      entities = next;
    },
  };
}

describe('CatalogDeltaPass', () => {
  it('scores new entities, then only what changed by etag, without a run', async () => {
    const a = component('a', 'a1');
    const b = component('b', 'b1');
    const { store, knex, requests, pass, setCatalog } = await setup([
      ...groups,
      a,
      b,
    ]);

    // Nothing scored yet (e.g. the catalog is still ingesting): both are new.
    expect(await pass()).toMatchObject({ seen: 2, changed: 2, scored: 2 });
    expect((await store.listScoredEntityRefs()).sort()).toEqual([
      'component:default/a',
      'component:default/b',
    ]);
    expect(await store.listRuns(10)).toEqual([]);

    // Nothing changed: the catalog is listed (small fields) and nothing fetched.
    requests.length = 0;
    expect(await pass()).toMatchObject({ seen: 2, changed: 0, scored: 0 });
    expect(requests).not.toContain('getEntitiesByRefs');

    // b changed (a runbook link, so a new etag) and c arrived.
    const historyBefore = Number(
      (await knex('check_history').count({ n: '*' }))[0].n,
    );
    setCatalog([
      ...groups,
      a,
      component('b', 'b2', true),
      component('c', 'c1'),
    ]);
    expect(await pass()).toMatchObject({ seen: 3, changed: 2, scored: 2 });
    const runbook = (await store.listResults('component:default/b')).find(
      r => r.checkId === 'runbook.runbook',
    );
    expect(runbook?.state).toBe('pass');
    expect(await store.getScore('component:default/c')).toBeDefined();
    // One history row for b's runbook turning to pass, none for a.
    const history = await knex('check_history')
      .where('id', '>', 0)
      .orderBy('id')
      .offset(historyBefore);
    expect(history.map(h => [h.entity_ref, h.check_id, h.to_state])).toEqual(
      expect.arrayContaining([
        ['component:default/b', 'runbook.runbook', 'pass'],
      ]),
    );
    expect(history.some(h => h.entity_ref === 'component:default/a')).toBe(
      false,
    );
  });

  it('records the etags a full run scored at, so the next pass finds no change', async () => {
    const entities = [...groups, component('a', 'a1'), component('b', 'b1')];
    const { store, scoring, pass } = await setup(entities);
    const run = await store.createRun({
      trigger: 'schedule',
      claimed: true,
      now: new Date(),
    });
    expect(
      (await scoring.rescoreAll(run, new AbortController().signal)).status,
    ).toBe('succeeded');
    expect(await pass()).toMatchObject({ seen: 2, changed: 0 });
  });

  it('removes the scores of entities gone from the catalog, but not on an empty listing', async () => {
    const a = component('a', 'a1');
    const b = component('b', 'b1');
    const { store, pass, setCatalog } = await setup([...groups, a, b]);
    expect(await pass()).toMatchObject({ scored: 2, removed: 0 });

    setCatalog([...groups, a]);
    expect(await pass()).toMatchObject({ seen: 1, changed: 0, removed: 1 });
    expect(await store.listScoredEntityRefs()).toEqual(['component:default/a']);
    expect(await store.getScore('component:default/b')).toBeUndefined();

    // An empty listing may be an outage: nothing is removed.
    setCatalog([...groups]);
    expect(await pass()).toMatchObject({ seen: 0, removed: 0 });
    expect(await store.listScoredEntityRefs()).toEqual(['component:default/a']);

    // Back in the catalog: scored again as new.
    setCatalog([...groups, a, b]);
    expect(await pass()).toMatchObject({ changed: 1, scored: 1 });
  });

  it('leaves entities without an etag to the full run', async () => {
    const noEtag = component('a', 'x');
    delete noEtag.metadata.etag;
    const { store, pass } = await setup([...groups, noEtag]);
    expect(await pass()).toMatchObject({ seen: 1, changed: 0, scored: 0 });
    expect(await store.listScoredEntityRefs()).toEqual([]);
  });

  it('rescores the dependents of an entity whose level moved on the next pass, once', async () => {
    // a depends on b; b arrives in the catalog after a was scored.
    const a: Entity = {
      ...component('a', 'a1'),
      relations: [{ type: 'dependsOn', targetRef: 'component:default/b' }],
    };
    const b: Entity = {
      ...component('b', 'b1'),
      relations: [{ type: 'dependencyOf', targetRef: 'component:default/a' }],
    };
    const { store, pass, setCatalog } = await setup([...groups, a], {
      dependencies: true,
    });
    const dependencyState = async () =>
      (await store.listResults('component:default/a')).find(
        r => r.checkId === DEPENDENCY_RISK_CHECK_ID,
      )?.state;
    expect(await pass()).toMatchObject({ changed: 1, scored: 1 });
    // Nothing it depends on is scored yet: not judged.
    expect(await dependencyState()).toBe('not-applicable');

    // b is scored for the first time, below Bronze: a is marked...
    setCatalog([...groups, a, b]);
    expect(await pass()).toMatchObject({
      changed: 1,
      dependents: 0,
      scored: 1,
    });
    expect(await dependencyState()).toBe('not-applicable');
    // ...and rescored by the next pass, though its etag did not change.
    expect(await pass()).toMatchObject({
      changed: 1,
      dependents: 1,
      scored: 1,
    });
    expect(await dependencyState()).toBe('fail');
    // a's level did not move: nothing more to do (no loop).
    expect(await pass()).toMatchObject({ changed: 0, dependents: 0 });
  });

  it('does not mark dependents when the dependency check is off', async () => {
    const a: Entity = {
      ...component('a', 'a1'),
      relations: [{ type: 'dependsOn', targetRef: 'component:default/b' }],
    };
    const b: Entity = {
      ...component('b', 'b1'),
      relations: [{ type: 'dependencyOf', targetRef: 'component:default/a' }],
    };
    const { pass, setCatalog } = await setup([...groups, a]);
    await pass();
    setCatalog([...groups, a, b]);
    expect(await pass()).toMatchObject({ changed: 1, scored: 1 });
    expect(await pass()).toMatchObject({ changed: 0, dependents: 0 });
  });
});
