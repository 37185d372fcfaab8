import type { Entity } from '@backstage/catalog-model';
import {
  readDomainRef,
  readEntityRef,
  readGroupMemberRefs,
  readOwnerRef,
  readSystemRef,
  readUserGroupRefs,
} from './readCatalogRefs';

function entity(
  kind: string,
  name: string,
  spec: Record<string, unknown> = {},
  extra: Partial<Entity> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name, namespace: 'Shop' },
    spec: spec as Entity['spec'],
    ...extra,
  };
}

describe('readCatalogRefs', () => {
  it('reads full lower-case refs in the entity namespace', () => {
    const service = entity('Component', 'Cart', {
      owner: 'Payments',
      system: 'group:other/x',
      domain: 'Commerce',
    });
    expect(readEntityRef(service)).toBe('component:shop/cart');
    expect(readOwnerRef(service)).toBe('group:shop/payments');
    expect(readSystemRef(service)).toBe('group:other/x');
    expect(readDomainRef(service)).toBe('domain:shop/commerce');
  });

  it('reads a System as its own system and tolerates malformed fields', () => {
    expect(readSystemRef(entity('System', 'Checkout'))).toBe(
      'system:shop/checkout',
    );
    const broken = entity('Component', 'c', { owner: 42, system: '' });
    expect(readOwnerRef(broken)).toBeUndefined();
    expect(readSystemRef(broken)).toBeUndefined();
    expect(readOwnerRef({ ...broken, spec: undefined })).toBeUndefined();
  });

  it('lists the users of a group from relations and spec.members, once each', () => {
    const group = entity(
      'Group',
      'payments',
      { members: ['ada', 'user:shop/Bob', 'group:shop/nested', 7] },
      {
        relations: [
          { type: 'hasMember', targetRef: 'user:shop/ada' },
          { type: 'hasMember', targetRef: 'user:shop/carol' },
          { type: 'parentOf', targetRef: 'group:shop/sub' },
        ],
      },
    );
    expect(readGroupMemberRefs(group)).toEqual([
      'user:shop/ada',
      'user:shop/carol',
      'user:shop/bob',
    ]);
  });

  it('lists the groups of a user from relations and spec.memberOf, once each', () => {
    const user = entity(
      'User',
      'ada',
      { memberOf: ['payments', 'group:default/guild'] },
      { relations: [{ type: 'memberOf', targetRef: 'group:shop/payments' }] },
    );
    expect(readUserGroupRefs(user)).toEqual([
      'group:shop/payments',
      'group:default/guild',
    ]);
  });
});
