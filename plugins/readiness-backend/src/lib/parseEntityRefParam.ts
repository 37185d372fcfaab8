import {
  KubernetesValidatorFunctions,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { describeInputValue } from './describeInputValue';

/**
 * The parts of an entity ref as they arrive in a path: `/entities/{kind}/{namespace}/{name}`.
 *
 * @internal
 */
export interface EntityRefParts {
  kind: string;
  namespace: string;
  name: string;
}

/**
 * Defaults of {@link parseEntityRefParam} for refs written short
 * (`payments` for `group:default/payments`).
 *
 * @internal
 */
export interface ParseEntityRefParamOptions {
  defaultKind?: string;
  defaultNamespace?: string;
}

/** The catalog's own rules for each part (the default validators of `@backstage/catalog-model`). */
const PART_RULES: Array<{
  part: keyof EntityRefParts;
  isValid: (value: string) => boolean;
}> = [
  { part: 'kind', isValid: KubernetesValidatorFunctions.isValidKind },
  {
    part: 'namespace',
    // Refs are case-insensitive; the catalog stores namespaces lowercase.
    isValid: value =>
      KubernetesValidatorFunctions.isValidNamespace(
        value.toLocaleLowerCase('en-US'),
      ),
  },
  { part: 'name', isValid: KubernetesValidatorFunctions.isValidObjectName },
];

function checkParts(parts: EntityRefParts): string | undefined {
  for (const { part, isValid } of PART_RULES) {
    if (!isValid(parts[part])) {
      return `Invalid ${part} '${describeInputValue(
        parts[part],
      )}' in entity reference`;
    }
  }
  return undefined;
}

/**
 * The one parser of entity refs that arrive from outside (path, query, body,
 * action input). It returns the canonical ref (`kind:namespace/name`,
 * lowercase) only when kind, namespace and name follow the catalog's own
 * rules; anything else (`..`, `/`, NUL or other control characters, a part
 * too long) is an InputError naming the parameter and the part, so a bad ref
 * never reaches the catalog or the database.
 *
 * `parameter` names what is parsed in the message: the query or body field
 * (`owner`, `entityRef`), or `entity reference` for a ref given as path parts.
 *
 * @internal
 */
export function parseEntityRefParam(
  parameter: string,
  value: string | EntityRefParts,
  options?: ParseEntityRefParamOptions,
): string {
  if (typeof value !== 'string') {
    const problem = checkParts(value);
    if (problem) {
      throw new InputError(problem);
    }
    return stringifyEntityRef(value);
  }
  const prefix = `Invalid ${parameter} '${describeInputValue(value)}'`;
  let parts: EntityRefParts;
  try {
    const parsed = parseEntityRef(value, options);
    parts = {
      kind: parsed.kind,
      namespace: parsed.namespace,
      name: parsed.name,
    };
  } catch {
    throw new InputError(
      `${prefix}: not an entity reference of the form [kind:][namespace/]name`,
    );
  }
  const problem = checkParts(parts);
  if (problem) {
    throw new InputError(`${prefix}: ${problem}`);
  }
  return stringifyEntityRef(parts);
}
