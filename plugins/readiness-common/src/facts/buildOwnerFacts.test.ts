import type { Entity } from '@backstage/catalog-model';
import { buildOwnerFacts, buildSystemFacts } from './buildOwnerFacts';

function entity(
  kind: string,
  name: string,
  spec: Record<string, unknown> = {},
  metadata: Partial<Entity['metadata']> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name, namespace: 'default', ...metadata },
    spec: spec as Entity['spec'],
  };
}

const team = entity(
  'Group',
  'payments',
  { profile: { displayName: 'Payments', email: 'payments@example.com' } },
  { links: [{ url: 'https://example.slack.com/archives/C1', title: '#pay' }] },
);

describe('buildOwnerFacts', () => {
  it('is unresolved without an owner ref', () => {
    expect(buildOwnerFacts({ ownerRef: undefined })).toEqual({
      resolved: false,
      contacts: [],
      members: [],
    });
  });

  it('is unresolved when the owner is missing or not a Group or User', () => {
    const ownerRef = 'group:default/payments';
    expect(buildOwnerFacts({ ownerRef })).toEqual({
      ownerRef,
      resolved: false,
      contacts: [],
      members: [],
    });
    expect(
      buildOwnerFacts({ ownerRef, owner: entity('Component', 'payments') }),
    ).toEqual({ ownerRef, resolved: false, contacts: [], members: [] });
  });

  it('describes a group with its profile, contacts and members sorted by ref', () => {
    const facts = buildOwnerFacts({
      ownerRef: 'group:default/payments',
      owner: team,
      members: [
        { ref: 'user:default/zed' },
        {
          ref: 'user:default/ada',
          entity: entity('User', 'ada', {
            profile: { displayName: 'Ada', email: 'ada@example.com' },
          }),
        },
        {
          ref: 'user:default/bob',
          entity: entity('User', 'bob', {}, { title: 'Bob B.' }),
        },
      ],
    });
    expect(facts).toEqual({
      ownerRef: 'group:default/payments',
      resolved: true,
      kind: 'group',
      displayName: 'Payments',
      email: 'payments@example.com',
      contacts: expect.arrayContaining([
        expect.objectContaining({ type: 'email' }),
        expect.objectContaining({ type: 'chat' }),
      ]),
      members: [
        {
          ref: 'user:default/ada',
          displayName: 'Ada',
          email: 'ada@example.com',
        },
        { ref: 'user:default/bob', displayName: 'Bob B.' },
        { ref: 'user:default/zed' },
      ],
    });
  });

  it('keeps at most maxMembers, and none for a user owner', () => {
    const members = ['c', 'a', 'b'].map(n => ({ ref: `user:default/${n}` }));
    expect(
      buildOwnerFacts({
        ownerRef: 'group:default/payments',
        owner: team,
        members,
        maxMembers: 2,
      }).members.map(m => m.ref),
    ).toEqual(['user:default/a', 'user:default/b']);
    const user = buildOwnerFacts({
      ownerRef: 'user:default/ada',
      owner: entity('User', 'ada'),
      members,
    });
    expect(user).toMatchObject({
      resolved: true,
      kind: 'user',
      displayName: 'ada',
      members: [],
    });
  });
});

describe('buildSystemFacts', () => {
  const shop = entity(
    'System',
    'shop',
    { domain: 'commerce' },
    { title: 'Shop' },
  );

  it('describes the system and its domain', () => {
    expect(
      buildSystemFacts({
        entity: entity('Component', 'cart', { system: 'shop' }),
        systemRef: 'system:default/shop',
        system: shop,
      }),
    ).toEqual({
      systemRef: 'system:default/shop',
      resolved: true,
      systemTitle: 'Shop',
      domainRef: 'domain:default/commerce',
    });
  });

  it('describes a System as its own system', () => {
    expect(
      buildSystemFacts({ entity: shop, systemRef: 'system:default/shop' }),
    ).toMatchObject({ resolved: true, systemTitle: 'Shop' });
  });

  it('is unresolved when the system is missing, with the entity domain when it has no system', () => {
    expect(
      buildSystemFacts({
        entity: entity('Component', 'cart'),
        systemRef: 'system:default/gone',
      }),
    ).toEqual({ systemRef: 'system:default/gone', resolved: false });
    expect(
      buildSystemFacts({
        entity: entity('Component', 'cart', { domain: 'commerce' }),
        systemRef: undefined,
      }),
    ).toEqual({ resolved: false, domainRef: 'domain:default/commerce' });
  });
});
