import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { readinessRescorePermission } from '@prodready/plugin-readiness-common';
import {
  HIDDEN_REF,
  RESTRICTED_USER,
  testCatalog,
} from '../__testUtils__/catalogFixtures';
import { VisibilityCatalog } from '../__testUtils__/VisibilityCatalog';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { ReadinessAuthorizer } from './ReadinessAuthorizer';

function setup(
  decision:
    | AuthorizeResult.ALLOW
    | AuthorizeResult.DENY
    | AuthorizeResult.CONDITIONAL,
) {
  const definitive =
    decision === AuthorizeResult.ALLOW
      ? AuthorizeResult.ALLOW
      : AuthorizeResult.DENY;
  const catalog = new VisibilityCatalog(testCatalog, {
    [RESTRICTED_USER]: [HIDDEN_REF],
  });
  const permissions = mockServices.permissions.mock({
    authorize: async requests => requests.map(() => ({ result: definitive })),
    authorizeConditional: async requests =>
      requests.map(() =>
        decision === AuthorizeResult.CONDITIONAL
          ? {
              result: AuthorizeResult.CONDITIONAL,
              pluginId: 'catalog',
              resourceType: 'catalog-entity',
              conditions: {
                rule: 'IS_ENTITY_OWNER',
                resourceType: 'catalog-entity',
                params: {},
              },
            }
          : {
              result: decision as AuthorizeResult.ALLOW | AuthorizeResult.DENY,
            },
      ),
  });
  const authorizer = ReadinessAuthorizer.create({
    auth: mockServices.auth(),
    permissions,
    catalog: catalog.service,
    kinds: ['Component', 'System'],
    cacheTtlMs: 30_000,
  });
  return { authorizer, catalog, permissions };
}

describe('ReadinessAuthorizer', () => {
  const restricted = mockCredentials.user(RESTRICTED_USER);

  it('puts no restriction on callers allowed to read every entity, without asking the catalog', async () => {
    const { authorizer, catalog, permissions } = setup(AuthorizeResult.ALLOW);
    expect(await authorizer.getVisibleEntityRefs(restricted)).toBeUndefined();
    expect(await authorizer.getVisibleEntityRefs(restricted)).toBeUndefined();
    expect(catalog.calls).toEqual([]);
    // The decision is cached per principal.
    expect(permissions.authorizeConditional).toHaveBeenCalledTimes(1);
  });

  it('shows nothing to callers denied catalog reads', async () => {
    const { authorizer } = setup(AuthorizeResult.DENY);
    expect(await authorizer.getVisibleEntityRefs(restricted)).toEqual([]);
  });

  it('lists what the catalog lets a conditionally allowed caller read', async () => {
    const { authorizer, catalog } = setup(AuthorizeResult.CONDITIONAL);
    const refs = await authorizer.getVisibleEntityRefs(restricted);
    expect([...(refs ?? [])].sort()).toEqual([
      'component:default/checkout-web',
      'component:default/ledger',
      'component:default/payments-api',
      'system:default/pay',
    ]);
    expect(catalog.calls).toEqual(['queryEntities']);
    await authorizer.getVisibleEntityRefs(restricted);
    expect(catalog.calls).toEqual(['queryEntities']);
    // Another principal is asked for separately.
    await authorizer.getVisibleEntityRefs(
      mockCredentials.user('user:default/other'),
    );
    expect(catalog.calls).toEqual(['queryEntities', 'queryEntities']);
  });

  it('finds single entities through the catalog with the caller credentials', async () => {
    const { authorizer } = setup(AuthorizeResult.ALLOW);
    await expect(
      authorizer.getVisibleEntity(restricted, HIDDEN_REF),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
    await expect(
      authorizer.getVisibleEntity(mockCredentials.user(), HIDDEN_REF),
    ).resolves.toMatchObject({ metadata: { name: 'secret-svc' } });
  });

  it('decides single entities on the cached visibility, without asking the catalog each time', async () => {
    const allowed = setup(AuthorizeResult.ALLOW);
    await expect(
      allowed.authorizer.assertVisible(
        restricted,
        'component:default/checkout-web',
      ),
    ).resolves.toBeUndefined();
    expect(allowed.catalog.calls).toEqual([]);

    const { authorizer, catalog } = setup(AuthorizeResult.CONDITIONAL);
    await expect(
      authorizer.assertVisible(restricted, 'component:default/ledger'),
    ).resolves.toContain('component:default/ledger');
    await expect(
      authorizer.assertVisible(restricted, HIDDEN_REF),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
    await expect(
      authorizer.assertVisible(restricted, 'component:default/nowhere'),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
    expect(catalog.calls).toEqual(['queryEntities']);
  });

  it('throws NotAllowedError without a permission', async () => {
    await expect(
      setup(AuthorizeResult.DENY).authorizer.authorize(
        restricted,
        readinessRescorePermission,
      ),
    ).rejects.toMatchObject({
      name: 'NotAllowedError',
      message: expect.stringContaining('readiness.rescore'),
    });
    await expect(
      setup(AuthorizeResult.ALLOW).authorizer.authorize(
        restricted,
        readinessRescorePermission,
      ),
    ).resolves.toBeUndefined();
  });

  it('asks the catalog and the permission framework again after a connection reset', async () => {
    const reset = () =>
      Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
    const catalog = catalogServiceMock({ entities: testCatalog });
    const getEntityByRef = catalog.getEntityByRef.bind(catalog);
    jest
      .spyOn(catalog, 'getEntityByRef')
      .mockRejectedValueOnce(reset())
      .mockImplementation(getEntityByRef);
    const permissions = mockServices.permissions.mock({
      authorize: async requests =>
        requests.map(() => ({ result: AuthorizeResult.ALLOW })),
    });
    permissions.authorize.mockRejectedValueOnce(reset());
    const authorizer = ReadinessAuthorizer.create({
      auth: mockServices.auth(),
      permissions,
      catalog,
      kinds: ['Component'],
      cacheTtlMs: 0,
    });
    await expect(
      authorizer.getVisibleEntity(restricted, 'component:default/ledger'),
    ).resolves.toMatchObject({ metadata: { name: 'ledger' } });
    expect(catalog.getEntityByRef).toHaveBeenCalledTimes(2);
    await expect(
      authorizer.authorize(restricted, readinessRescorePermission),
    ).resolves.toBeUndefined();
    expect(permissions.authorize).toHaveBeenCalledTimes(2);
  });
});
