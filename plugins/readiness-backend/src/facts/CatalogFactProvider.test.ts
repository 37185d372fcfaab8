import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type {
  OwnerFacts,
  SystemFacts,
} from '@prodready/plugin-readiness-common';
import { CatalogFactProvider } from './CatalogFactProvider';

function user(
  name: string,
  groups: string[],
  profile?: { displayName?: string; email?: string },
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name, namespace: 'default' },
    spec: { profile, memberOf: groups },
    relations: groups.map(group => ({
      type: 'memberOf',
      targetRef: `group:default/${group}`,
    })),
  };
}

const payments: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: {
    name: 'payments',
    namespace: 'default',
    title: 'Payments team',
    links: [
      {
        url: 'https://chat.example.com/channels/payments',
        title: '#payments',
        type: 'chat',
      },
    ],
  },
  spec: {
    type: 'team',
    profile: { displayName: 'Payments', email: 'payments@example.com' },
    children: [],
    members: ['carol'],
  },
  relations: [
    { type: 'hasMember', targetRef: 'user:default/alice' },
    { type: 'hasMember', targetRef: 'user:default/bob' },
    { type: 'hasMember', targetRef: 'user:default/carol' },
  ],
};

const platform: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'platform', namespace: 'default' },
  spec: { type: 'team', children: [] },
};

const paymentsSystem: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: { name: 'payments-platform', title: 'Payments platform' },
  spec: { owner: 'payments', domain: 'commerce' },
};

function component(
  name: string,
  spec: Record<string, unknown>,
  namespace = 'default',
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace },
    spec: { type: 'service', lifecycle: 'production', ...spec },
  };
}

const ORG: Entity[] = [
  payments,
  platform,
  paymentsSystem,
  user('alice', ['payments'], {
    displayName: 'Alice Example',
    email: 'alice@example.com',
  }),
  user('bob', ['payments']),
  // carol is listed by the group only; dave belongs elsewhere.
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'carol' },
    spec: { profile: { email: 'carol@example.com' }, memberOf: [] },
  },
  user('dave', ['platform'], { email: 'dave@example.com' }),
];

const EXPECTED_PAYMENTS_OWNER: OwnerFacts = {
  ownerRef: 'group:default/payments',
  resolved: true,
  kind: 'group',
  displayName: 'Payments',
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
      url: 'https://chat.example.com/channels/payments',
    },
  ],
  members: [
    {
      ref: 'user:default/alice',
      displayName: 'Alice Example',
      email: 'alice@example.com',
    },
    { ref: 'user:default/bob' },
    { ref: 'user:default/carol', email: 'carol@example.com' },
  ],
};

function context() {
  return {
    logger: mockServices.logger.mock(),
    signal: new AbortController().signal,
    runId: 'run-1',
  };
}

function create(
  catalog = catalogServiceMock({ entities: ORG }),
  options: { bulkLoadThreshold?: number; now?: () => number } = {},
) {
  return CatalogFactProvider.create({
    catalog,
    auth: mockServices.auth(),
    logger: mockServices.logger.mock(),
    ...options,
  });
}

describe('CatalogFactProvider', () => {
  const subject = component('payments-api', {
    owner: 'payments',
    system: 'payments-platform',
  });

  it('fills entity, owner and system by ref for a single entity', async () => {
    const catalog = catalogServiceMock({ entities: ORG });
    const stream = jest.spyOn(catalog, 'streamEntities');
    const result = await create(catalog).collect(subject, context());

    expect(result.entity).toMatchObject({ status: 'ok', data: subject });
    expect(result.owner).toMatchObject({
      status: 'ok',
      data: EXPECTED_PAYMENTS_OWNER,
    });
    expect(result.system).toMatchObject({
      status: 'ok',
      data: {
        systemRef: 'system:default/payments-platform',
        resolved: true,
        systemTitle: 'Payments platform',
        domainRef: 'domain:default/commerce',
      },
    });
    expect(result.owner.collectedAt).toEqual(expect.any(String));
    expect(stream).not.toHaveBeenCalled();
  });

  it('gives the same facts from a bulk load as from lookups by ref', async () => {
    const catalog = catalogServiceMock({ entities: ORG });
    const byRef = jest.spyOn(catalog, 'getEntityByRef');
    const provider = create(catalog);
    await provider.preload();
    const result = await provider.collect(subject, context());
    // The bulk load also counted the owners: payments owns the one system.
    expect(result.owner.data).toEqual({
      ...EXPECTED_PAYMENTS_OWNER,
      share: { owned: 1, total: 1, implausible: false },
    });
    expect((result.system.data as SystemFacts).domainRef).toBe(
      'domain:default/commerce',
    );
    expect(byRef).not.toHaveBeenCalled();
  });

  it('switches to one bulk load when many entities are collected', async () => {
    const catalog = catalogServiceMock({ entities: ORG });
    const stream = jest.spyOn(catalog, 'streamEntities');
    const byRef = jest.spyOn(catalog, 'getEntityByRef');
    const provider = create(catalog, { bulkLoadThreshold: 5 });
    const entities = Array.from({ length: 40 }, (_, i) =>
      component(`svc-${i}`, {
        owner: i % 2 ? 'payments' : 'group:platform',
        system: 'payments-platform',
      }),
    );
    const results = await Promise.all(
      entities.map(e => provider.collect(e, context())),
    );
    expect(stream).toHaveBeenCalledTimes(2);
    // At most the lookups before the threshold went by ref (owner + system).
    expect(byRef.mock.calls.length).toBeLessThanOrEqual(10);
    expect(results[1].owner.data).toMatchObject(EXPECTED_PAYMENTS_OWNER);
    expect(results[0].owner.data).toMatchObject({
      ownerRef: 'group:default/platform',
      resolved: true,
      kind: 'group',
      displayName: 'platform',
      contacts: [],
      members: [{ ref: 'user:default/dave', email: 'dave@example.com' }],
    });
  });

  it('reloads the groups after the cache time to live', async () => {
    const catalog = catalogServiceMock({ entities: ORG });
    const stream = jest.spyOn(catalog, 'streamEntities');
    let now = 1_000;
    const provider = CatalogFactProvider.create({
      catalog,
      auth: mockServices.auth(),
      logger: mockServices.logger.mock(),
      cacheTtlMs: 10_000,
      now: () => now,
    });
    await provider.preload();
    await provider.preload();
    // One stream of groups, users and systems, one of the owners' counts.
    expect(stream).toHaveBeenCalledTimes(2);
    now += 10_000;
    await provider.preload();
    expect(stream).toHaveBeenCalledTimes(4);
  });

  it('counts each owner once per load and tells an implausible share', async () => {
    const unspecified: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: 'unspecified', namespace: 'x' },
      spec: { type: 'team', children: [] },
    };
    const entities = [
      ...ORG,
      unspecified,
      ...Array.from({ length: 91 }, (_, i) =>
        component(`legacy-${i}`, { owner: 'group:x/unspecified' }),
      ),
      ...Array.from({ length: 28 }, (_, i) =>
        component(`pay-${i}`, { owner: 'payments' }),
      ),
    ];
    const catalog = catalogServiceMock({ entities });
    const stream = jest.spyOn(catalog, 'streamEntities');
    const provider = CatalogFactProvider.create({
      catalog,
      auth: mockServices.auth(),
      logger: mockServices.logger.mock(),
      ownerShare: { maxOwnerShare: 0.5, minOwnedEntities: 20 },
    });
    await provider.preload();
    const legacy = await provider.collect(entities[ORG.length + 1], context());
    const pay = await provider.collect(
      entities[entities.length - 1],
      context(),
    );
    expect(stream).toHaveBeenCalledTimes(2);
    expect((legacy.owner.data as OwnerFacts).share).toEqual({
      owned: 91,
      total: 120,
      implausible: true,
    });
    // 29 of 120 (the system too): below half of the catalog.
    expect((pay.owner.data as OwnerFacts).share).toEqual({
      owned: 29,
      total: 120,
      implausible: false,
    });
  });

  it('resolves a user owner', async () => {
    const result = await create().collect(
      component('tool', { owner: 'user:alice' }),
      context(),
    );
    expect(result.owner.data).toEqual({
      ownerRef: 'user:default/alice',
      resolved: true,
      kind: 'user',
      displayName: 'Alice Example',
      email: 'alice@example.com',
      contacts: [
        {
          type: 'email',
          label: 'alice@example.com',
          url: 'mailto:alice@example.com',
        },
      ],
      members: [],
    });
  });

  it.each([
    ['by ref', false],
    ['from a bulk load', true],
  ])(
    'reports an owner missing from the catalog as ok data with resolved false (%s)',
    async (_title, preload) => {
      const provider = create();
      if (preload) {
        await provider.preload();
      }
      const result = await provider.collect(
        component('orphan', { owner: 'ghost-team', system: 'nowhere' }),
        context(),
      );
      expect(result.owner).toMatchObject({
        status: 'ok',
        data: {
          ownerRef: 'group:default/ghost-team',
          resolved: false,
          contacts: [],
          members: [],
        },
      });
      expect(result.system).toMatchObject({
        status: 'ok',
        data: { systemRef: 'system:default/nowhere', resolved: false },
      });
    },
  );

  it('resolves refs in the entity namespace and tolerates a malformed owner', async () => {
    const provider = create();
    const other = await provider.collect(
      component('x', { owner: 'payments' }, 'staging'),
      context(),
    );
    expect(other.owner.data).toMatchObject({
      ownerRef: 'group:staging/payments',
      resolved: false,
    });
    const malformed = await provider.collect(
      component('y', { owner: { team: 'payments' }, system: 42 }),
      context(),
    );
    expect(malformed.owner).toMatchObject({
      status: 'ok',
      data: { resolved: false, contacts: [], members: [] },
    });
    expect(malformed.system).toMatchObject({
      status: 'ok',
      data: { resolved: false },
    });
  });

  it('describes a System entity as its own system', async () => {
    const result = await create().collect(paymentsSystem, context());
    expect(result.system.data).toEqual({
      systemRef: 'system:default/payments-platform',
      resolved: true,
      systemTitle: 'Payments platform',
      domainRef: 'domain:default/commerce',
    });
  });

  it('makes owner and system unavailable when the catalog fails', async () => {
    const catalog = catalogServiceMock.mock({
      getEntityByRef: jest.fn(async () => {
        throw new Error('connect ECONNREFUSED 127.0.0.1:7007');
      }),
    });
    const result = await create(catalog).collect(subject, context());
    expect(result.entity.status).toBe('ok');
    expect(result.owner).toMatchObject({
      status: 'unavailable',
      reason:
        'catalog lookup of owner group:default/payments failed: connect ECONNREFUSED 127.0.0.1:7007',
    });
    expect(result.system).toMatchObject({
      status: 'unavailable',
      reason: expect.stringContaining(
        'catalog lookup of system system:default/payments-platform failed',
      ),
    });
  });

  it('falls back to lookups by ref when the bulk load fails', async () => {
    const inMemory = catalogServiceMock({ entities: ORG });
    const catalog = catalogServiceMock.mock({
      getEntityByRef: jest.fn((ref, options) =>
        inMemory.getEntityByRef(ref, options),
      ),
      getEntitiesByRefs: jest.fn((request, options) =>
        inMemory.getEntitiesByRefs(request, options),
      ),
      getEntities: jest.fn((request, options) =>
        inMemory.getEntities(request, options),
      ),
      streamEntities: jest.fn(() => {
        throw new Error('stream broke');
      }),
    });
    const provider = create(catalog, { bulkLoadThreshold: 0 });
    const first = await provider.collect(subject, context());
    const second = await provider.collect(subject, context());
    expect(first.owner.data).toEqual(EXPECTED_PAYMENTS_OWNER);
    expect(second.owner.data).toEqual(EXPECTED_PAYMENTS_OWNER);
    // A failed bulk load is not retried for every entity.
    expect(catalog.streamEntities).toHaveBeenCalledTimes(1);
    await expect(provider.preload()).rejects.toThrow('stream broke');
  });
});
