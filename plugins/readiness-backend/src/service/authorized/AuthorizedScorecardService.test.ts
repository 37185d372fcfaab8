import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { EntityScorecardResponse } from '@prodready/plugin-readiness-common';
import { HIDDEN_REF, testCatalog } from '../../__testUtils__/catalogFixtures';
import { VisibilityCatalog } from '../../__testUtils__/VisibilityCatalog';
import { ReadinessAuthorizer } from '../../permissions/ReadinessAuthorizer';
import type { ScorecardModel } from '../models/ScorecardModel';
import { AuthorizedScorecardService } from './AuthorizedScorecardService';

const ALLOWED = 'user:default/allowed';
const DENIED = 'user:default/denied';

function setup() {
  const catalog = new VisibilityCatalog(testCatalog, {
    [DENIED]: [HIDDEN_REF],
  });
  const permissions = mockServices.permissions.mock({
    authorize: async (requests, options) =>
      requests.map(() => ({
        result:
          (options.credentials.principal as { userEntityRef?: string })
            .userEntityRef === DENIED
            ? AuthorizeResult.DENY
            : AuthorizeResult.ALLOW,
      })),
    // As the catalog decides: the denied user reads entities under a
    // condition, which hides HIDDEN_REF from it.
    authorizeConditional: async (requests, options) =>
      requests.map(() =>
        (options.credentials.principal as { userEntityRef?: string })
          .userEntityRef === DENIED
          ? {
              result: AuthorizeResult.CONDITIONAL,
              pluginId: 'catalog',
              resourceType: 'catalog-entity',
              conditions: {
                rule: 'IS_ENTITY_OWNER',
                resourceType: 'catalog-entity',
                params: { claims: [DENIED] },
              },
            }
          : { result: AuthorizeResult.ALLOW },
      ),
  });
  const authorizer = ReadinessAuthorizer.create({
    auth: mockServices.auth(),
    permissions,
    catalog: catalog.service,
    kinds: ['Component'],
    cacheTtlMs: 0,
  });
  const getScorecard = jest.fn(
    async (entityRef: string) =>
      ({ entity: { entityRef } } as unknown as EntityScorecardResponse),
  );
  const scoreEntity = jest.fn(async () => {});
  const service = new AuthorizedScorecardService(
    { getScorecard } as unknown as ScorecardModel,
    authorizer,
    { scoreEntity },
  );
  return { service, getScorecard, scoreEntity };
}

const as = (user: string) => ({
  credentials: mockCredentials.user(user),
});

describe('AuthorizedScorecardService', () => {
  it('answers only for entities the caller may read in the catalog', async () => {
    const { service, getScorecard } = setup();
    await expect(
      service.getScorecard(HIDDEN_REF, as(ALLOWED)),
    ).resolves.toMatchObject({ entity: { entityRef: HIDDEN_REF } });
    await expect(service.getScorecard(HIDDEN_REF, as(DENIED))).rejects.toThrow(
      expect.objectContaining({ name: 'NotFoundError' }),
    );
    expect(getScorecard).toHaveBeenCalledTimes(1);
  });

  it('rescores only with readiness.entity.refresh and only visible entities', async () => {
    const { service, scoreEntity } = setup();
    await expect(
      service.refresh('component:default/ledger', as(DENIED)),
    ).rejects.toThrow(expect.objectContaining({ name: 'NotAllowedError' }));
    expect(scoreEntity).not.toHaveBeenCalled();
    await expect(
      service.refresh('component:default/nope', as(ALLOWED)),
    ).rejects.toThrow(expect.objectContaining({ name: 'NotFoundError' }));
    await service.refresh('component:default/ledger', as(ALLOWED));
    expect(scoreEntity).toHaveBeenCalledWith(
      expect.objectContaining({
        metadata: expect.objectContaining({ name: 'ledger' }),
      }),
    );
  });
});
