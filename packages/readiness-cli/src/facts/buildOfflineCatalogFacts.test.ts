import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import type { JsonObject } from '@backstage/types';
import {
  buildOfflineOwnerFacts,
  buildOfflineSystemFacts,
} from './buildOfflineCatalogFacts';

function entity(
  kind: string,
  name: string,
  spec: JsonObject = {},
  metadata: Partial<Entity['metadata']> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name, namespace: 'default', ...metadata },
    spec,
  };
}

function catalogOf(...entities: Entity[]) {
  return new Map(entities.map(e => [stringifyEntityRef(e), e]));
}

const team = entity(
  'Group',
  'team-payments',
  {
    type: 'team',
    profile: { email: 'payments@example.com' },
    members: ['bob'],
  },
  {
    links: [
      { url: 'https://example.slack.com/archives/C1', title: '#payments' },
    ],
  },
);
const ada = entity('User', 'ada', {
  profile: { displayName: 'Ada', email: 'ada@example.com' },
  memberOf: ['team-payments'],
});
const bob = entity('User', 'bob', { memberOf: [] });
const outsider = entity('User', 'eve', { memberOf: ['group:default/other'] });

describe('buildOfflineOwnerFacts', () => {
  it('resolves a Group of the files with its contacts and members from both sides', () => {
    const service = entity('Component', 'payments', { owner: 'team-payments' });

    const { namespace, missingRef } = buildOfflineOwnerFacts(
      service,
      catalogOf(team, ada, bob, outsider, service),
    );

    expect(missingRef).toBeUndefined();
    expect(namespace).toEqual({
      status: 'ok',
      data: {
        ownerRef: 'group:default/team-payments',
        resolved: true,
        kind: 'group',
        displayName: 'team-payments',
        email: 'payments@example.com',
        contacts: [
          {
            type: 'email',
            label: 'payments@example.com',
            url: 'mailto:payments@example.com',
          },
          {
            type: 'chat',
            label: '#payments',
            url: 'https://example.slack.com/archives/C1',
          },
        ],
        members: [
          {
            ref: 'user:default/ada',
            displayName: 'Ada',
            email: 'ada@example.com',
          },
          { ref: 'user:default/bob' },
        ],
      },
    });
  });

  it('resolves a User owner without members', () => {
    const service = entity('Component', 'payments', { owner: 'user:ada' });

    const { namespace } = buildOfflineOwnerFacts(service, catalogOf(ada));

    expect(namespace.data).toMatchObject({
      ownerRef: 'user:default/ada',
      resolved: true,
      kind: 'user',
      members: [],
    });
  });

  it('makes an owner that is not in the files not-configured, naming it', () => {
    const service = entity('Component', 'payments', {
      owner: 'team-elsewhere',
    });

    const { namespace, missingRef } = buildOfflineOwnerFacts(
      service,
      catalogOf(team),
    );

    expect(missingRef).toBe('group:default/team-elsewhere');
    expect(namespace.status).toBe('not-configured');
    expect(namespace.reason).toContain('group:default/team-elsewhere');
  });

  it('reports an entity without owner as unresolved, so ownership checks fail', () => {
    const { namespace } = buildOfflineOwnerFacts(
      entity('Component', 'orphan'),
      catalogOf(team),
    );

    expect(namespace).toEqual({
      status: 'ok',
      data: { resolved: false, contacts: [], members: [] },
    });
  });
  it('finds the owner whatever the case of its ref, as the catalog does', () => {
    const service = entity('Component', 'payments', {
      owner: 'group:default/Team-Payments',
    });

    const { namespace } = buildOfflineOwnerFacts(service, catalogOf(team));

    expect(namespace.data).toMatchObject({
      ownerRef: 'group:default/team-payments',
      resolved: true,
      kind: 'group',
    });
  });

  it('reports an owner that is neither a Group nor a User as unresolved, as the backend does', () => {
    const system = entity('System', 'shop');
    const service = entity('Component', 'payments', {
      owner: 'system:default/shop',
    });

    const { namespace, missingRef } = buildOfflineOwnerFacts(
      service,
      catalogOf(system),
    );

    expect(missingRef).toBeUndefined();
    expect(namespace).toEqual({
      status: 'ok',
      data: {
        ownerRef: 'system:default/shop',
        resolved: false,
        contacts: [],
        members: [],
      },
    });
  });
});

describe('buildOfflineSystemFacts', () => {
  const shop = entity(
    'System',
    'shop',
    { owner: 'team-payments', domain: 'commerce' },
    { title: 'Shop' },
  );

  it('resolves the system of the files and its domain', () => {
    const service = entity('Component', 'payments', { system: 'shop' });

    expect(buildOfflineSystemFacts(service, catalogOf(shop)).namespace).toEqual(
      {
        status: 'ok',
        data: {
          systemRef: 'system:default/shop',
          resolved: true,
          systemTitle: 'Shop',
          domainRef: 'domain:default/commerce',
        },
      },
    );
  });

  it('treats a System as its own system', () => {
    expect(
      buildOfflineSystemFacts(shop, catalogOf(shop)).namespace.data,
    ).toMatchObject({
      systemRef: 'system:default/shop',
      resolved: true,
    });
  });

  it('makes a system that is not in the files not-configured, and no system unresolved', () => {
    const inOther = entity('Component', 'a', { system: 'elsewhere' });
    const none = entity('Component', 'b', { domain: 'commerce' });

    expect(buildOfflineSystemFacts(inOther, catalogOf()).missingRef).toBe(
      'system:default/elsewhere',
    );
    expect(buildOfflineSystemFacts(none, catalogOf()).namespace).toEqual({
      status: 'ok',
      data: { resolved: false, domainRef: 'domain:default/commerce' },
    });
  });
});
