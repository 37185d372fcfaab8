import { mockCredentials } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  readCheckPackFromConfig,
  type CheckState,
  type EntitySummary,
} from '@prodready/plugin-readiness-common';
import type { StoreSearchQuery } from '../database/ReadinessStore';
import { PackIndex } from '../pack/PackIndex';
import { RollupScopeResolver } from '../rollups/RollupScopeResolver';
import { CampaignEvaluator } from './CampaignEvaluator';

const pack = new PackIndex(readCheckPackFromConfig(new ConfigReader({})));

function group(name: string, children: string[] = []): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default' },
    spec: { type: 'team', children },
  };
}

function summary(name: string, owner: string): EntitySummary {
  return {
    entityRef: `component:default/${name}`,
    kind: 'Component',
    namespace: 'default',
    name,
    owner,
    tier: 'tier-1',
    score: 50,
    gaps: 1,
    evaluatedAt: '2026-12-05T00:00:00.000Z',
  };
}

/** A store that answers searches by owner and records the filters. */
function storeOf(entities: EntitySummary[], passing: string[]) {
  const queries: StoreSearchQuery[] = [];
  return {
    queries,
    search: async (query: StoreSearchQuery) => {
      queries.push(query);
      return {
        items: entities.filter(
          e =>
            (!query.owner || query.owner.includes(e.owner!)) &&
            (!query.visibleEntityRefs ||
              query.visibleEntityRefs.includes(e.entityRef)),
        ),
      };
    },
    listCheckStates: async (refs: string[]) =>
      new Map(
        refs.map(ref => [
          ref,
          new Map<string, CheckState>([
            ['runbook.runbook', passing.includes(ref) ? 'pass' : 'fail'],
          ]),
        ]),
      ),
  };
}

const catalog = catalogServiceMock({
  entities: [
    group('commerce', ['payments', 'checkout']),
    group('payments', ['payments-web']),
    group('payments-web'),
    group('checkout'),
    group('platform'),
  ],
});
const entities = [
  summary('pay-api', 'group:default/payments'),
  summary('pay-web', 'group:default/payments-web'),
  summary('cart', 'group:default/checkout'),
  summary('search', 'group:default/platform'),
];
const goal = { type: 'checks' as const, checkIds: ['runbook.runbook'] };
const credentials = mockCredentials.user();

describe('CampaignEvaluator', () => {
  it('covers the owners with their child groups, transitively, and evaluates each entity', async () => {
    const store = storeOf(entities, ['component:default/pay-web']);
    const evaluator = CampaignEvaluator.create({
      store,
      pack,
      catalog,
      scopes: RollupScopeResolver.create({ catalog }),
    });
    const result = await evaluator.evaluate(
      {
        goal,
        scope: { owners: ['group:default/commerce'], tiers: ['tier-1'] },
      },
      { credentials, visible: undefined },
    );
    expect(result.map(r => [r.entity.name, r.done])).toEqual([
      ['pay-api', false],
      ['pay-web', true],
      ['cart', false],
    ]);
    expect(store.queries[0]).toMatchObject({ tier: ['tier-1'] });
  });

  it('narrows to one owner (children included) and to what the caller sees', async () => {
    const store = storeOf(entities, []);
    const evaluator = CampaignEvaluator.create({
      store,
      pack,
      catalog,
      scopes: RollupScopeResolver.create({ catalog }),
    });
    const scope = { owners: ['group:default/commerce'] };
    const mine = await evaluator.evaluate(
      { goal, scope },
      {
        credentials,
        visible: ['component:default/pay-api', 'component:default/cart'],
        owner: 'group:default/payments',
      },
    );
    expect(mine.map(r => r.entity.name)).toEqual(['pay-api']);
    // An owner outside the scope's owners matches nothing, without a query.
    const before = store.queries.length;
    expect(
      await evaluator.evaluate(
        { goal, scope },
        { credentials, visible: undefined, owner: 'group:default/platform' },
      ),
    ).toEqual([]);
    expect(store.queries.length).toBe(before);
  });
});
