import { mockCredentials } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { RollupScopeResolver } from './RollupScopeResolver';

function group(
  name: string,
  options: { children?: string[]; parentOf?: string[] } = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default' },
    spec: { type: 'team', children: options.children ?? [] },
    relations: (options.parentOf ?? []).map(targetRef => ({
      type: 'parentOf',
      targetRef,
    })),
  };
}

const credentials = mockCredentials.user();

describe('RollupScopeResolver', () => {
  it('counts a team with every group below it, through relations and spec.children, once each', async () => {
    const org = group('engineering', {
      parentOf: ['group:default/payments', 'group:default/platform'],
    });
    const entities = [
      org,
      // spec.children only: the edge is followed before the catalog makes it a relation
      group('payments', {
        children: ['payments-core', 'group:default/payments-web'],
      }),
      group('payments-core'),
      group('payments-web', { children: ['engineering'] }), // a cycle back to the top
      group('platform', { parentOf: ['group:default/payments-core'] }),
    ];
    const resolver = RollupScopeResolver.create({
      catalog: catalogServiceMock({ entities }),
    });
    const scope = await resolver.resolve(org, credentials);
    expect(scope.scope).toBe('team');
    expect(scope.field).toBe('owner');
    expect(scope.members[0]).toBe('group:default/engineering');
    expect([...scope.members].sort()).toEqual([
      'group:default/engineering',
      'group:default/payments',
      'group:default/payments-core',
      'group:default/payments-web',
      'group:default/platform',
    ]);
  });

  it('leaves out child groups the catalog does not return (missing or hidden) and malformed child refs', async () => {
    const parent = group('parent', {
      children: ['ghost', 'user:default/jane', '  ', 'a b:c/d'],
      parentOf: ['group:default/visible'],
    });
    const resolver = RollupScopeResolver.create({
      catalog: catalogServiceMock({ entities: [parent, group('visible')] }),
    });
    const scope = await resolver.resolve(parent, credentials);
    expect(scope.members).toEqual([
      'group:default/parent',
      'group:default/visible',
    ]);
  });

  it('scopes a system and a domain by their own ref', async () => {
    const resolver = RollupScopeResolver.create({
      catalog: catalogServiceMock({ entities: [] }),
    });
    const system: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'System',
      metadata: { name: 'pay', namespace: 'default' },
    };
    await expect(resolver.resolve(system, credentials)).resolves.toEqual({
      scope: 'system',
      members: ['system:default/pay'],
      field: 'system',
    });
    await expect(
      resolver.resolve({ ...system, kind: 'Domain' }, credentials),
    ).resolves.toEqual({
      scope: 'domain',
      members: ['domain:default/pay'],
      field: 'domain',
    });
  });

  it('refuses kinds that hold no other entities, naming the kind', async () => {
    const resolver = RollupScopeResolver.create({
      catalog: catalogServiceMock({ entities: [] }),
    });
    await expect(
      resolver.resolve(
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: { name: 'x' },
        },
        credentials,
      ),
    ).rejects.toThrow(
      "Invalid kind 'Component': roll-ups exist for Group, System and Domain entities",
    );
  });

  it('lists the groups above each group, transitively, through relations and spec.children, with cycles cut', async () => {
    const entities = [
      group('engineering', { parentOf: ['group:default/payments'] }),
      group('payments', { children: ['payments-core', 'payments-web'] }),
      group('payments-core'),
      group('payments-web', { children: ['engineering'] }),
      group('loner'),
    ];
    const resolver = RollupScopeResolver.create({
      catalog: catalogServiceMock({ entities }),
    });
    const ancestors = await resolver.ancestors(credentials);
    // Through the cycle, payments-web is above engineering too.
    expect(ancestors.get('group:default/payments-core')).toEqual([
      'group:default/engineering',
      'group:default/payments',
      'group:default/payments-web',
    ]);
    // A group is never its own ancestor, even in a cycle.
    expect(ancestors.get('group:default/payments')).toEqual([
      'group:default/engineering',
      'group:default/payments-web',
    ]);
    expect(ancestors.has('group:default/loner')).toBe(false);
  });
});
