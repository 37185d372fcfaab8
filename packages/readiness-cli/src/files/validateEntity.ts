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
import { isInternalErrorText } from './CatalogProblem';

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

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(data: Record<string, unknown>): string {
  const { kind, metadata } = data;
  const name =
    isMapping(metadata) && typeof metadata.name === 'string'
      ? metadata.name
      : undefined;
  if (typeof kind === 'string' && name) {
    return `entity ${kind}:${name}`;
  }
  return typeof kind === 'string' ? `${kind} entity` : 'entity';
}

/**
 * The field a validation message of `@backstage/catalog-model` names, as a
 * path (e.g. `"metadata.name" is not valid` gives `['metadata', 'name']`).
 *
 * @public
 */
export function fieldOfValidationMessage(message: string): string[] {
  const keyed = /"metadata\.(labels|annotations)\.(.+?)" is not valid/.exec(
    message,
  );
  if (keyed) {
    return ['metadata', keyed[1], keyed[2]];
  }
  const quoted = /"((?:metadata|spec|apiVersion|kind|relations)[\w.-]*)"/.exec(
    message,
  );
  const pointer = /(?:^|\s)\/((?:metadata|spec)[\w/.-]*)/.exec(message);
  const placeholder =
    / for ((?:metadata|spec)[\w.-]*)/.exec(message) ??
    /: ((?:metadata|spec)\.[\w.-]+) (?:is|must)/.exec(message);
  const field =
    quoted?.[1] ?? pointer?.[1]?.replace(/\//g, '.') ?? placeholder?.[1];
  return field ? field.split('.').filter(Boolean) : [];
}

/**
 * Problems the catalog's policies report badly (or crash on), named before
 * they run: a kubectl `kind: List`, a missing `apiVersion`, `kind` or
 * `metadata`, a `metadata` or `spec` that is not a mapping.
 */
function shapeProblem(data: Record<string, unknown>): string | undefined {
  if (data.kind === 'List' && Array.isArray(data.items)) {
    return 'kind: List (a kubectl list of items) is not a catalog entity: write each entity as its own YAML document, separated by ---';
  }
  for (const field of ['apiVersion', 'kind'] as const) {
    if (typeof data[field] !== 'string' || data[field] === '') {
      return `${field} is missing: every catalog entity needs apiVersion, kind and metadata.name`;
    }
  }
  if (data.metadata === undefined || data.metadata === null) {
    return `${describe(
      data,
    )} has no metadata: every catalog entity needs metadata.name`;
  }
  if (!isMapping(data.metadata)) {
    return `metadata of the ${describe(
      data,
    )} must be a mapping with at least a name`;
  }
  if (data.spec !== undefined && !isMapping(data.spec)) {
    return `spec of the ${describe(data)} must be a mapping`;
  }
  return undefined;
}

/**
 * The catalog's validation message as a sentence: without its link to the
 * file format ADR, and with JSON-schema wording (`/spec must have required
 * property 'owner' - missingProperty: owner`) turned into field names.
 */
function humanizeValidationMessage(message: string): string {
  const trimmed = message
    .replace(/\.?\s*To learn more about .*$/s, '')
    .replace(/^"(labels|annotations)\./, '"metadata.$1.');
  const required = /^\/?([\w/]*) must have required property '([^']+)'/.exec(
    trimmed,
  );
  if (required) {
    const parent = required[1].split('/').filter(Boolean).join('.');
    return `${parent ? `${parent}.` : ''}${required[2]} is required`;
  }
  const typed = /^\/([\w/]+) must be (.+?)(?: - .*)?$/.exec(trimmed);
  if (typed) {
    return `${typed[1].split('/').join('.')} must be ${typed[2]}`;
  }
  return trimmed;
}

/**
 * Validates a parsed document as a catalog entity the way the catalog does:
 * the default namespace is applied, root fields, field formats and the
 * envelope schema are checked, then the schema of built-in kinds
 * (Component, API, Resource, System, Domain, Group, User, Location).
 * Entities of other kinds are accepted after the generic checks.
 *
 * @param data - the parsed YAML document
 * @param where - a prefix of error messages (e.g. `file:line: `), may be empty
 * @returns the entity, with `metadata.namespace` filled in
 * @throws InputError with a human sentence naming the entity and the field
 * @public
 */
export async function validateEntity(
  data: unknown,
  where: string,
): Promise<Entity> {
  if (!isMapping(data)) {
    throw new InputError(
      `${where}a catalog entity must be a YAML mapping with apiVersion, kind and metadata`,
    );
  }
  const shape = shapeProblem(data);
  if (shape) {
    throw new InputError(`${where}${shape}`);
  }
  const what = describe(data);
  try {
    const entity = await policy.enforce(data as unknown as Entity);
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
    const human = isInternalErrorText(message)
      ? 'its fields do not have the shape of a catalog entity (check the types of metadata and spec values)'
      : humanizeValidationMessage(message);
    throw new InputError(`${where}invalid ${what}: ${human}`);
  }
}
