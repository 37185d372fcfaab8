import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { Exemption } from '@prodready/plugin-readiness-common';
import {
  HIDDEN_REF,
  LIMITED_USER,
  RESTRICTED_USER,
  testCatalog,
} from '../../__testUtils__/catalogFixtures';
import { VisibilityCatalog } from '../../__testUtils__/VisibilityCatalog';
import { ReadinessAuthorizer } from '../../permissions/ReadinessAuthorizer';
import type { ExemptionsModel } from '../models/ExemptionsModel';
import { AuthorizedExemptionsService } from './AuthorizedExemptionsService';

const USER = 'user:default/jane';

const exemptionOf = (entityRef: string): Exemption => ({
  id: `x-${entityRef}`,
  entityRef,
  checkId: 'runbook.runbook',
  reason: 'batch job',
  author: USER,
  createdAt: '2026-12-01T00:00:00.000Z',
});

function setup() {
  const catalog = new VisibilityCatalog(testCatalog, {
    [RESTRICTED_USER]: [HIDDEN_REF],
    [LIMITED_USER]: [HIDDEN_REF],
  });
  const userOf = (credentials: unknown) =>
    (credentials as { principal: { userEntityRef?: string } }).principal
      .userEntityRef;
  const permissions = mockServices.permissions.mock({
    authorize: async (requests, options) =>
      requests.map(() => ({
        result:
          userOf(options.credentials) === RESTRICTED_USER
            ? AuthorizeResult.DENY
            : AuthorizeResult.ALLOW,
      })),
    authorizeConditional: async (requests, options) =>
      requests.map(() =>
        userOf(options.credentials) === USER
          ? { result: AuthorizeResult.ALLOW }
          : {
              result: AuthorizeResult.CONDITIONAL,
              pluginId: 'catalog',
              resourceType: 'catalog-entity',
              conditions: {
                rule: 'IS_ENTITY_OWNER',
                resourceType: 'catalog-entity',
                params: { claims: [] },
              },
            },
      ),
  });
  const authorizer = ReadinessAuthorizer.create({
    auth: mockServices.auth(),
    permissions,
    catalog: catalog.service,
    kinds: ['Component'],
    cacheTtlMs: 0,
  });
  const model = {
    list: jest.fn(async (_filter: object, _visible?: string[]) => []),
    create: jest.fn(async (_request, entity, author: string) => ({
      ...exemptionOf(`component:default/${entity.metadata.name}`),
      author,
    })),
    get: jest.fn(async (id: string) => {
      if (id === 'hidden') return exemptionOf(HIDDEN_REF);
      if (id === 'ledger') return exemptionOf('component:default/ledger');
      throw new NotFoundError(`No exemption ${id}`);
    }),
    delete: jest.fn(async () => {}),
  };
  const service = new AuthorizedExemptionsService(
    model as unknown as ExemptionsModel,
    authorizer,
    mockServices.auth(),
  );
  return { service, model };
}

const as = (user: string) => ({ credentials: mockCredentials.user(user) });
const request = {
  entityRef: 'component:default/ledger',
  checkId: 'runbook.runbook',
  reason: 'batch job',
};

describe('AuthorizedExemptionsService', () => {
  it('lists with the caller visibility', async () => {
    const { service, model } = setup();
    await service.list({}, as(USER));
    await service.list({}, as(LIMITED_USER));
    expect(model.list.mock.calls[0][1]).toBeUndefined();
    expect(model.list.mock.calls[1][1]).not.toContain(HIDDEN_REF);
  });

  it('creates as the caller with the permission, for visible entities only', async () => {
    const { service, model } = setup();
    await expect(service.create(request, as(USER))).resolves.toMatchObject({
      author: USER,
    });
    await expect(service.create(request, as(RESTRICTED_USER))).rejects.toThrow(
      expect.objectContaining({ name: 'NotAllowedError' }),
    );
    await expect(
      service.create({ ...request, entityRef: HIDDEN_REF }, as(LIMITED_USER)),
    ).rejects.toThrow(expect.objectContaining({ name: 'NotFoundError' }));
    expect(model.create).toHaveBeenCalledTimes(1);
  });

  it('deletes only exemptions of entities the caller may read', async () => {
    const { service, model } = setup();
    await expect(service.delete('hidden', as(LIMITED_USER))).rejects.toThrow(
      expect.objectContaining({ name: 'NotFoundError' }),
    );
    await expect(service.delete('ledger', as(RESTRICTED_USER))).rejects.toThrow(
      expect.objectContaining({ name: 'NotAllowedError' }),
    );
    await service.delete('ledger', as(LIMITED_USER));
    expect(model.delete).toHaveBeenCalledTimes(1);
    expect(model.delete).toHaveBeenCalledWith(
      exemptionOf('component:default/ledger'),
      expect.objectContaining({ kind: 'Component' }),
    );
  });
});
