import type { Entity } from '@backstage/catalog-model';
import { dependentsToRescore } from './dependentsToRescore';

function entity(
  name: string,
  relations: Array<[type: string, targetRef: string]>,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default' },
    relations: relations.map(([type, targetRef]) => ({ type, targetRef })),
  };
}

describe('dependentsToRescore', () => {
  const db = entity('db', [
    ['dependencyOf', 'component:default/orders'],
    ['dependencyOf', 'component:default/cart'],
    ['ownedBy', 'group:default/team-a'],
  ]);
  const api = entity('payments-api', [
    ['apiConsumedBy', 'component:default/checkout'],
    ['apiProvidedBy', 'component:default/payments'],
    ['dependencyOf', 'component:default/cart'],
  ]);

  it('takes the entities that depend on or consume the moved ones, once each, sorted', () => {
    expect(
      dependentsToRescore(
        [db, api],
        new Set(['component:default/db', 'component:default/payments-api']),
      ),
    ).toEqual([
      'component:default/cart',
      'component:default/checkout',
      'component:default/orders',
    ]);
  });

  it('ignores entities whose level did not move, and what they depend on', () => {
    expect(
      dependentsToRescore([db, api], new Set(['component:default/db'])),
    ).toEqual(['component:default/cart', 'component:default/orders']);
    expect(dependentsToRescore([db, api], new Set())).toEqual([]);
    expect(
      dependentsToRescore(
        [entity('lonely', [])],
        new Set(['component:default/lonely']),
      ),
    ).toEqual([]);
  });

  it('stops at the cap', () => {
    const hub = entity(
      'hub',
      Array.from({ length: 20 }, (_, i): [string, string] => [
        'dependencyOf',
        `component:default/s${String(i).padStart(2, '0')}`,
      ]),
    );
    expect(
      dependentsToRescore([hub], new Set(['component:default/hub']), 5),
    ).toEqual([
      'component:default/s00',
      'component:default/s01',
      'component:default/s02',
      'component:default/s03',
      'component:default/s04',
    ]);
  });
});

describe('dependentsToRescore with the roll-up', () => {
  const cart = entity('cart', [
    ['partOf', 'system:default/shop'],
    ['dependencyOf', 'component:default/checkout'],
  ]);
  const shop: Entity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name: 'shop', namespace: 'default' },
    relations: [{ type: 'partOf', targetRef: 'domain:default/commerce' }],
  };

  it('takes the System a moved component is part of, and the Domain of a moved System', () => {
    expect(
      dependentsToRescore(
        [cart, shop],
        new Set(['component:default/cart', 'system:default/shop']),
        undefined,
        { dependencies: false, wholes: true },
      ),
    ).toEqual(['domain:default/commerce', 'system:default/shop']);
  });

  it('follows both kinds of relation when both checks are on, and neither by default for wholes', () => {
    const moved = new Set(['component:default/cart']);
    expect(
      dependentsToRescore([cart], moved, undefined, {
        dependencies: true,
        wholes: true,
      }),
    ).toEqual(['component:default/checkout', 'system:default/shop']);
    expect(dependentsToRescore([cart], moved)).toEqual([
      'component:default/checkout',
    ]);
  });
});
