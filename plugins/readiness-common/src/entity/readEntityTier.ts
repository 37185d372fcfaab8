import type { Entity } from '@backstage/catalog-model';
import type { Evidence } from '../types';
import { isPlaceholder } from '../rules/isPlaceholder';
import { isRecord } from '../util/isRecord';

/**
 * The annotation this project defines for an entity's tier.
 *
 * @public
 */
export const TIER_ANNOTATION = 'prodready.io/tier';

/** Annotation and label keys read first, in order. */
const PREFERRED_KEYS = [TIER_ANNOTATION, 'tier', 'service-tier'];

const NAMED_TIERS: Record<string, string> = {
  critical: 'tier-1',
  'mission-critical': 'tier-1',
  'business-critical': 'tier-1',
  high: 'tier-2',
  medium: 'tier-3',
  moderate: 'tier-3',
  low: 'tier-4',
};

const NUMBERED = /^(?:tier-?|t-?)?(\d{1,2})$/;
const TAG_TIER = /^tier-?(\d{1,2})$/;

/**
 * Normalises a tier as written in an annotation or label:
 *
 * - numbers and numbered tiers (`1`, `tier1`, `Tier 1`, `tier_1`, `T1`) → `tier-1`;
 * - `critical`, `mission-critical`, `business-critical` → `tier-1`;
 *   `high` → `tier-2`; `medium`, `moderate` → `tier-3`; `low` → `tier-4`;
 * - anything else non-blank → itself, lower-cased, spaces and `_` as `-`
 *   (e.g. `Gold` → `gold`).
 *
 * Returns `undefined` for blank or non-string values.
 *
 * @public
 */
export function normalizeTier(value: unknown): string | undefined {
  let text: string;
  if (typeof value === 'string') {
    text = value;
  } else if (typeof value === 'number' && Number.isFinite(value)) {
    text = String(value);
  } else {
    return undefined;
  }
  // A placeholder (`TODO`, `<FILL-ME: …>` from `readiness fix`) is no tier.
  if (text.length > 100 || isPlaceholder(text)) {
    return undefined;
  }
  const normalized = text
    .trim()
    .toLocaleLowerCase('en-US')
    .replace(/[\s_]+/g, '-');
  if (!normalized) {
    return undefined;
  }
  const numbered = NUMBERED.exec(normalized);
  if (numbered) {
    return `tier-${Number(numbered[1])}`;
  }
  return NAMED_TIERS[normalized] ?? normalized;
}

/**
 * The tier of an entity and what declared it.
 *
 * @internal
 */
export interface TierFinding {
  tier: string;
  evidence: Evidence;
}

function isTierKey(key: string): boolean {
  return key.endsWith('/tier') || key.endsWith('/service-tier');
}

function fromMap(
  map: Record<string, unknown>,
  kind: 'annotation' | 'label',
): TierFinding | undefined {
  for (const key of PREFERRED_KEYS) {
    const tier = normalizeTier(map[key]);
    if (tier) {
      return { tier, evidence: { kind, label: key, value: tier } };
    }
  }
  for (const key in map) {
    if (Object.hasOwn(map, key) && isTierKey(key)) {
      const tier = normalizeTier(map[key]);
      if (tier) {
        return { tier, evidence: { kind, label: key, value: tier } };
      }
    }
  }
  return undefined;
}

/**
 * Finds the tier of an entity's metadata; see {@link readEntityTier}.
 *
 * @internal
 */
export function findEntityTier(metadata: unknown): TierFinding | undefined {
  if (!isRecord(metadata)) {
    return undefined;
  }
  const { annotations, labels, tags } = metadata;
  if (isRecord(annotations)) {
    const found = fromMap(annotations, 'annotation');
    if (found) {
      return found;
    }
  }
  if (isRecord(labels)) {
    const found = fromMap(labels, 'label');
    if (found) {
      return found;
    }
  }
  if (Array.isArray(tags)) {
    for (const tag of tags) {
      if (typeof tag !== 'string' || tag.length > 100) {
        continue;
      }
      const lower = tag.trim().toLocaleLowerCase('en-US').replace(/_/g, '-');
      const numbered = TAG_TIER.exec(lower);
      let tier: string | undefined;
      if (numbered) {
        tier = `tier-${Number(numbered[1])}`;
      } else if (NAMED_TIERS[lower] === 'tier-1') {
        tier = 'tier-1';
      }
      if (tier) {
        return { tier, evidence: { kind: 'tag', label: tag, value: tier } };
      }
    }
  }
  return undefined;
}

/**
 * The business-criticality tier of an entity, normalised (e.g. `tier-1`).
 *
 * Looks, in order, at the annotations `prodready.io/tier`, `tier`,
 * `service-tier`, then any annotation ending in `/tier` or `/service-tier`;
 * then the labels with the same keys; then tags `tier-N`/`tierN` and
 * `critical`, `mission-critical`, `business-critical` (→ `tier-1`). Values
 * are normalised by {@link normalizeTier}. Never throws; `undefined` when the
 * entity declares no tier.
 *
 * @public
 */
export function readEntityTier(entity: Entity): string | undefined {
  if (!isRecord(entity)) {
    return undefined;
  }
  return findEntityTier(entity.metadata)?.tier;
}

/**
 * The first tier annotation or label whose value is a placeholder (`TODO`,
 * `TBD`, `-`…), as `key "value"`, to say why no tier was found.
 *
 * @internal
 */
export function findPlaceholderTier(metadata: unknown): string | undefined {
  if (!isRecord(metadata)) {
    return undefined;
  }
  for (const map of [metadata.annotations, metadata.labels]) {
    if (!isRecord(map)) {
      continue;
    }
    for (const key in map) {
      if (
        Object.hasOwn(map, key) &&
        (PREFERRED_KEYS.includes(key) || isTierKey(key)) &&
        typeof map[key] === 'string' &&
        isPlaceholder(map[key] as string)
      ) {
        return `${key} "${map[key]}"`;
      }
    }
  }
  return undefined;
}
