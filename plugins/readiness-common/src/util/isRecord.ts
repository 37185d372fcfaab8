/**
 * Whether a value is a plain JSON-like object (not `null`, not an array): the
 * guard for reading untrusted entity fields, manifests and API bodies.
 *
 * @public
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
