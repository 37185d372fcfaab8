import type { Entity } from '@backstage/catalog-model';
import type { JsonObject } from '@backstage/types';
import {
  createCheckPack,
  type EntitySummary,
  type TeamContact,
} from '@prodready/plugin-readiness-common';
import { PackIndex } from '../pack/PackIndex';
import { DependencyFactProvider } from './DependencyFactProvider';

const pack = new PackIndex(createCheckPack());

function summary(
  entityRef: string,
  level: string | undefined,
  owner?: string,
): EntitySummary {
  const [kind, rest] = entityRef.split(':');
  const [namespace, name] = rest.split('/');
  return {
    entityRef,
    kind,
    namespace,
    name,
    level,
    owner,
    score: 50,
    gaps: 1,
    evaluatedAt: '2026-12-01T00:00:00.000Z',
  };
}

const dbTeam: TeamContact = {
  ref: 'group:default/db-team',
  displayName: 'DB Team',
  contacts: [{ type: 'chat', label: '#db-team' }],
};

const store = {
  listSummaries: jest.fn(async (refs: string[]) =>
    [
      summary(
        'component:default/payments-db',
        'bronze',
        'group:default/db-team',
      ),
      summary('api:default/fraud', 'gold'),
      summary('api:default/notify', undefined),
    ].filter(s => refs.includes(s.entityRef)),
  ),
  getOwners: jest.fn(
    async (refs: string[]) =>
      new Map(refs.includes(dbTeam.ref) ? [[dbTeam.ref, dbTeam]] : []),
  ),
};

function provider() {
  return DependencyFactProvider.create({
    store,
    pack,
    policy: {
      minimumLevel: 'bronze',
      minimumLevelByTier: { 'tier-1': 'silver' },
    },
  });
}

function component(
  annotations: Record<string, string>,
  spec: JsonObject,
  relations?: Entity['relations'],
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'checkout', namespace: 'default', annotations },
    spec,
    relations,
  };
}

describe('DependencyFactProvider', () => {
  it("asks more of a tier-1 service's dependencies, with their levels and owners", async () => {
    const result = await provider().collect(
      component({ 'prodready.io/tier': 'critical' }, {}, [
        { type: 'dependsOn', targetRef: 'component:default/payments-db' },
        { type: 'consumesApi', targetRef: 'api:default/fraud' },
        { type: 'consumesApi', targetRef: 'api:default/notify' },
        { type: 'ownedBy', targetRef: 'group:default/checkout' },
      ]),
    );
    expect(result.dependencies.data?.dependencies).toEqual([
      expect.objectContaining({
        ref: 'component:default/payments-db',
        relation: 'dependsOn',
        scored: true,
        level: 'bronze',
        levelTitle: 'Bronze',
        owner: dbTeam,
        requiredLevel: 'silver',
        meetsRequired: false,
      }),
      expect.objectContaining({
        ref: 'api:default/fraud',
        relation: 'consumesApi',
        meetsRequired: true,
      }),
      // An API without a level has none to judge (no operational check applies).
      expect.objectContaining({
        ref: 'api:default/notify',
        scored: true,
        level: undefined,
        meetsRequired: true,
      }),
    ]);
  });

  it('asks the minimum level of other tiers, and reads spec.dependsOn before the catalog made relations', async () => {
    const result = await provider().collect(
      component(
        {},
        { dependsOn: ['payments-db', 'resource:bucket', 42, 'bad ref:'] },
      ),
    );
    expect(result.dependencies.data?.dependencies).toEqual([
      expect.objectContaining({
        ref: 'component:default/payments-db',
        requiredLevel: 'bronze',
        meetsRequired: true,
      }),
      {
        ref: 'resource:default/bucket',
        relation: 'dependsOn',
        scored: false,
        requiredLevel: 'bronze',
        meetsRequired: true,
      },
    ]);
  });

  it('gives an empty list for an entity without dependencies, without reading the store', async () => {
    store.listSummaries.mockClear();
    const result = await provider().collect(component({}, {}));
    expect(result).toEqual({
      dependencies: { status: 'ok', data: { dependencies: [] } },
    });
    expect(store.listSummaries).not.toHaveBeenCalled();
  });

  it('reads the dependencies of a whole batch at once, with the same facts as one by one', async () => {
    const tier1 = component({ 'prodready.io/tier': 'critical' }, {}, [
      { type: 'dependsOn', targetRef: 'component:default/payments-db' },
      { type: 'consumesApi', targetRef: 'api:default/fraud' },
    ]);
    const bySpec = component({}, { dependsOn: ['payments-db', 'bucket'] });
    const none = component({}, {});
    const one = await Promise.all(
      [tier1, bySpec, none].map(e => provider().collect(e)),
    );
    store.listSummaries.mockClear();
    store.getOwners.mockClear();
    const batch = await provider().forEntities([tier1, bySpec, none]);
    expect(
      await Promise.all(
        [tier1, bySpec, none].map(e => batch.collect(e, {} as never)),
      ),
    ).toEqual(one);
    expect(store.listSummaries).toHaveBeenCalledTimes(1);
    expect(store.getOwners).toHaveBeenCalledTimes(1);
    // An entity outside the batch is read by itself.
    const outside = component({}, { dependsOn: ['payments-db'] });
    expect(await batch.collect(outside, {} as never)).toEqual(
      await provider().collect(outside),
    );
    expect(store.listSummaries).toHaveBeenCalledTimes(3);
  });
});
