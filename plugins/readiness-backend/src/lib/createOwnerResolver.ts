import type { AuthService } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';

/**
 * Returns a function that finds the owner of an entity in the catalog, as a
 * full entity ref (`group:default/payments`); `undefined` when the entity is
 * gone or its `spec.owner` is not a string.
 *
 * @internal
 */
export function createOwnerResolver(options: {
  catalog: CatalogService;
  auth: AuthService;
}): (entityRef: string) => Promise<string | undefined> {
  const { catalog, auth } = options;
  return async entityRef => {
    const entity = await catalog.getEntityByRef(entityRef, {
      credentials: await auth.getOwnServiceCredentials(),
    });
    const owner = entity?.spec?.owner;
    if (typeof owner !== 'string' || owner.trim() === '') {
      return undefined;
    }
    try {
      return stringifyEntityRef(
        parseEntityRef(owner, {
          defaultKind: 'group',
          defaultNamespace: entity?.metadata.namespace,
        }),
      );
    } catch {
      // A malformed owner has no one to notify; the ownership checks say why.
      return undefined;
    }
  };
}
