import type { VisibleEntityRefs } from '../database/ReadinessStore';

const ids = new WeakMap<ReadonlyArray<string>, number>();
let nextId = 1;

/**
 * A cache-key part for a caller's visibility: `all` when unrestricted; the
 * same ref list object (the authorizer caches one per principal) always gets
 * the same key, without hashing thousands of refs per request.
 *
 * @internal
 */
export function visibilityKey(visible: VisibleEntityRefs): string {
  if (!visible) {
    return 'all';
  }
  let id = ids.get(visible);
  if (id === undefined) {
    id = nextId++;
    ids.set(visible, id);
  }
  return `v${id}`;
}
