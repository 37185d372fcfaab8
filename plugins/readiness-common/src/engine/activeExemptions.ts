import type { Exemption } from '../types';
import { isRecord } from '../rules/FactsView';

/**
 * The exemptions that apply now to an entity, by check id: those whose
 * `entityRef` is the entity's (case-insensitively) and whose `expiresAt` is
 * absent or after `now`. Malformed ones are ignored.
 *
 * @internal
 */
export function activeExemptions(
  exemptions: unknown,
  entityRef: string,
  now: number,
): Map<string, Exemption> | undefined {
  if (!Array.isArray(exemptions) || exemptions.length === 0) {
    return undefined;
  }
  const ref = entityRef.toLowerCase();
  let active: Map<string, Exemption> | undefined;
  for (const exemption of exemptions) {
    if (
      !isRecord(exemption) ||
      typeof exemption.checkId !== 'string' ||
      typeof exemption.entityRef !== 'string' ||
      exemption.entityRef.toLowerCase() !== ref
    ) {
      continue;
    }
    if (exemption.expiresAt !== undefined && exemption.expiresAt !== null) {
      const expires =
        typeof exemption.expiresAt === 'string'
          ? Date.parse(exemption.expiresAt)
          : NaN;
      if (!(expires > now)) {
        continue;
      }
    }
    active = active ?? new Map();
    active.set(exemption.checkId, exemption as unknown as Exemption);
  }
  return active;
}
