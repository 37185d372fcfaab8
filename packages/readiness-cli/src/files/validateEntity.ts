import {
  DefaultNamespaceEntityPolicy,
  Entity,
  EntityPolicies,
  FieldFormatEntityPolicy,
  KindValidator,
  NoForeignRootFieldsEntityPolicy,
  SchemaValidEntityPolicy,
  apiEntityV1alpha1Validator,
  componentEntityV1alpha1Validator,
  domainEntityV1alpha1Validator,
  groupEntityV1alpha1Validator,
  locationEntityV1alpha1Validator,
  resourceEntityV1alpha1Validator,
  systemEntityV1alpha1Validator,
  userEntityV1alpha1Validator,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';

const policy = EntityPolicies.allOf([
  new DefaultNamespaceEntityPolicy(),
  new NoForeignRootFieldsEntityPolicy(),
  new FieldFormatEntityPolicy(),
  new SchemaValidEntityPolicy(),
]);

const kindValidators: KindValidator[] = [
  apiEntityV1alpha1Validator,
  componentEntityV1alpha1Validator,
  domainEntityV1alpha1Validator,
  groupEntityV1alpha1Validator,
  locationEntityV1alpha1Validator,
  resourceEntityV1alpha1Validator,
  systemEntityV1alpha1Validator,
  userEntityV1alpha1Validator,
];

function describe(data: unknown): string {
  if (typeof data !== 'object' || data === null) {
    return 'entity';
  }
  const { kind, metadata } = data as {
    kind?: unknown;
    metadata?: { name?: unknown };
  };
  const name = typeof metadata?.name === 'string' ? metadata.name : undefined;
  if (typeof kind === 'string' && name) {
    return `entity ${kind}:${name}`;
  }
  return 'entity';
}

/**
 * Validates a parsed document as a catalog entity the way the catalog does:
 * the default namespace is applied, root fields, field formats and the
 * envelope schema are checked, then the schema of built-in kinds
 * (Component, API, Resource, System, Domain, Group, User, Location).
 * Entities of other kinds are accepted after the generic checks.
 *
 * @param data - the parsed YAML document
 * @param where - `file:line`, used in error messages
 * @returns the entity, with `metadata.namespace` filled in
 * @throws InputError naming the place, the entity and the failing field
 * @public
 */
export async function validateEntity(
  data: unknown,
  where: string,
): Promise<Entity> {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new InputError(
      `${where}: a catalog entity must be a YAML mapping with apiVersion, kind and metadata`,
    );
  }
  const what = describe(data);
  try {
    const entity = await policy.enforce(data as Entity);
    if (!entity) {
      throw new Error('rejected by the entity policy');
    }
    for (const validator of kindValidators) {
      if (await validator.check(entity)) {
        break;
      }
    }
    return entity;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new InputError(`${where}: invalid ${what}: ${message}`);
  }
}
