import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';

/**
 * Turns a ref as people write it in catalog YAML (`payments`,
 * `group:payments`, `group:default/payments`) into a full entity ref, or
 * `undefined` when the value is not a non-empty string or not a valid ref.
 * Never throws: used on untrusted entity fields.
 *
 * @public
 */
export function toEntityRef(
  value: unknown,
  defaults: { defaultKind: string; defaultNamespace: string },
): string | undefined {
  if (typeof value !== 'string' || !value.trim()) {
    return undefined;
  }
  try {
    return stringifyEntityRef(parseEntityRef(value.trim(), defaults));
  } catch {
    return undefined;
  }
}
