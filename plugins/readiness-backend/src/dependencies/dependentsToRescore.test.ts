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
